package cn.resettlement.platform.web;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class MoneyTests {

	@Test
	void convertsYuanToFenExactly() {
		assertThat(Money.toFen("amount", new BigDecimal("600"))).isEqualTo(60_000);
		assertThat(Money.toFen("amount", new BigDecimal("0.1"))).isEqualTo(10);
		assertThat(Money.toFen("amount", new BigDecimal("19842000.00"))).isEqualTo(1_984_200_000);
		assertThat(Money.toFen("amount", new BigDecimal("1.50"))).isEqualTo(150);
	}

	@Test
	void rejectsThreeDecimalsNegativesAndAbsurdAmounts() {
		assertThatExceptionOfType(ApiException.class).isThrownBy(() -> Money.toFen("amount", new BigDecimal("1.005")))
			.satisfies((ex) -> assertThat(ex.errors()).singleElement()
				.satisfies((e) -> assertThat(e.field()).isEqualTo("amount")));
		assertThatExceptionOfType(ApiException.class).isThrownBy(() -> Money.toFen("amount", new BigDecimal("-1")));
		assertThatExceptionOfType(ApiException.class).isThrownBy(() -> Money.toFen("amount", new BigDecimal("1e20")));
		assertThatExceptionOfType(ApiException.class).isThrownBy(() -> Money.toFen("amount", null));
		assertThatExceptionOfType(ApiException.class).isThrownBy(() -> Money.toPositiveFen("amount", BigDecimal.ZERO));
	}

	@Test
	void printsWanYuanAsTheReportDoes() {
		assertThat(Money.toWanYuan(1_984_200_000L)).isEqualTo("1984.2");
		assertThat(Money.toWanYuan(9_702_060_000L)).isEqualTo("9702.06");
		assertThat(Money.toWanYuan(50_000_000L)).isEqualTo("50");
		assertThat(Money.toWanYuan(21_790_000L)).isEqualTo("21.79");
		assertThat(Money.toYuan(15_050)).isEqualByComparingTo("150.50");
	}

}
