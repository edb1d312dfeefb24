package cn.resettlement.platform.web;

import org.junit.jupiter.api.Test;

import org.springframework.core.convert.ConversionFailedException;
import org.springframework.format.support.DefaultFormattingConversionService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class DecimalNumbersTests {

	private final DefaultFormattingConversionService conversions = conversions();

	private static DefaultFormattingConversionService conversions() {
		DefaultFormattingConversionService conversions = new DefaultFormattingConversionService();
		new DecimalNumbers().addFormatters(conversions);
		return conversions;
	}

	@Test
	void decimalIntegersAreRead() {
		assertThat(this.conversions.convert("2021", Integer.class)).isEqualTo(2021);
		assertThat(this.conversions.convert(" -1 ", int.class)).isEqualTo(-1);
		assertThat(this.conversions.convert("+7", Long.class)).isEqualTo(7L);
		assertThat(this.conversions.convert("", Integer.class)).isNull();
	}

	@Test
	void hexadecimalOctalFractionsAndOverflowAreRefused() {
		for (String text : new String[] { "0x7E5", "#7E5", "0X7e5", "2021.5", "2147483648", "1e3", "abc", "2 021" }) {
			assertThatExceptionOfType(ConversionFailedException.class).as(text)
				.isThrownBy(() -> this.conversions.convert(text, Integer.class));
		}
		assertThat(new DefaultFormattingConversionService().convert("0x7E5", Integer.class))
			.as("what Spring alone does with it")
			.isEqualTo(2021);
	}

}
