package cn.resettlement.platform.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MaskingTests {

	@Test
	void keepsTheAreaCodeAndTheLastFourCharactersOfAnIdNumber() {
		assertThat(Masking.idNumber("43058219800315123X")).isEqualTo("430582********123X");
	}

	@Test
	void keepsOnlyTheLastFourDigitsOfACardAccount() {
		assertThat(Masking.cardAccount("6217000012345678")).isEqualTo("************5678");
		assertThat(Masking.cardAccount("123")).isEqualTo("123");
	}

	@Test
	void masksIdNumbersInsideFreeText() {
		assertThat(Masking.idNumbersIn("paid 430582198003151234 and 43058219800315123x, order 12345"))
			.isEqualTo("paid 430582********1234 and 430582********123x, order 12345");
	}

}
