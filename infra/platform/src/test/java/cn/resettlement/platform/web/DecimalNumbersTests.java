package cn.resettlement.platform.web;

import org.junit.jupiter.api.Test;

import org.springframework.beans.SimpleTypeConverter;
import org.springframework.beans.TypeMismatchException;
import org.springframework.format.support.DefaultFormattingConversionService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class DecimalNumbersTests {

	/** A binder's converter as Spring MVC sets it up, with the platform's editors. */
	private static SimpleTypeConverter binder() {
		SimpleTypeConverter converter = new SimpleTypeConverter();
		converter.setConversionService(new DefaultFormattingConversionService());
		DecimalNumbers.register(converter);
		return converter;
	}

	@Test
	void decimalIntegersAreRead() {
		SimpleTypeConverter binder = binder();
		assertThat(binder.convertIfNecessary("2021", int.class)).isEqualTo(2021);
		assertThat(binder.convertIfNecessary(" -1 ", Integer.class)).isEqualTo(-1);
		assertThat(binder.convertIfNecessary("+7", long.class)).isEqualTo(7L);
		assertThat(binder.convertIfNecessary("", Integer.class)).isNull();
	}

	@Test
	void hexadecimalFractionsAndOverflowAreRefused() {
		SimpleTypeConverter binder = binder();
		for (String text : new String[] { "0x7E5", "#7E5", "0X7e5", "2021.5", "2147483648", "1e3", "abc", "2 021",
				"" }) {
			assertThatExceptionOfType(TypeMismatchException.class).as(text)
				.isThrownBy(() -> binder.convertIfNecessary(text, int.class));
		}
		SimpleTypeConverter spring = new SimpleTypeConverter();
		spring.setConversionService(new DefaultFormattingConversionService());
		assertThat(spring.convertIfNecessary("0x7E5", int.class)).as("what Spring alone does with it").isEqualTo(2021);
	}

}
