package cn.resettlement.project.asset;

import org.junit.jupiter.api.Test;

import cn.resettlement.platform.web.ApiException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class AssetLedgerTests {

	private static final String PARK = "移民产业创业园";

	@Test
	void dividendsArePaidFromTheIncomeReceived() {
		AssetLedger ledger = new AssetLedger(PARK, 2023, 50_000_000L, 0).pay(30_000_000L).pay(20_000_000L);
		assertThat(ledger.dividendsFen()).isEqualTo(50_000_000L);
		assertThat(ledger.undistributedFen()).isZero();
	}

	@Test
	void dividendsNeverExceedTheIncome() {
		AssetLedger ledger = new AssetLedger(PARK, 2023, 50_000_000L, 40_000_000L);
		assertThatExceptionOfType(ApiException.class).isThrownBy(() -> ledger.pay(10_000_001L))
			.satisfies((ex) -> assertThat(ex.slug()).isEqualTo("dividends-exceed-income"));
		assertThatExceptionOfType(ApiException.class).isThrownBy(() -> AssetLedger.empty(PARK, 2024).pay(1))
			.satisfies((ex) -> assertThat(ex.status().value()).isEqualTo(409));
	}

	@Test
	void anAssetKeepsItsIdWhateverTheYear() {
		assertThat(AssetLedger.assetId(PARK)).isEqualTo(AssetLedger.assetId("移民产业创业园"))
			.isNotEqualTo(AssetLedger.assetId("光伏电站"));
	}

}
