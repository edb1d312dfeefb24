package cn.resettlement.project.imports;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CellsTests {

	private final Map<AllocationColumns, Integer> columns = Column
		.locate(List.of("年度", "资金类别", "文号", " 金额（元） ", "金额(万元)", "下达日期"), AllocationColumns.class);

	@Test
	void findsColumnsByTheirChineseHeadersWhateverTheBrackets() {
		assertThat(this.columns).containsEntry(AllocationColumns.YEAR, 0)
			.containsEntry(AllocationColumns.AMOUNT, 3)
			.containsEntry(AllocationColumns.AMOUNT_WAN_YUAN, 4)
			.containsEntry(AllocationColumns.ISSUED_ON, 5)
			.doesNotContainKey(AllocationColumns.TITLE);
	}

	@Test
	void readsAmountsInYuanOrInTenThousandYuan() {
		assertThat(cells("", "2760.06").amount(AllocationColumns.AMOUNT, AllocationColumns.AMOUNT_WAN_YUAN, true))
			.isEqualTo(2_760_060_000L);
		assertThat(cells("1,755.5", "").amount(AllocationColumns.AMOUNT, AllocationColumns.AMOUNT_WAN_YUAN, true))
			.isEqualTo(175_550L);
	}

	@Test
	void reportsAmountsItCannotRead() {
		Cells<AllocationColumns> threeDecimals = cells("10.005", "");
		assertThat(threeDecimals.amount(AllocationColumns.AMOUNT, AllocationColumns.AMOUNT_WAN_YUAN, true)).isNull();
		assertThat(threeDecimals.errors()).singleElement()
			.satisfies((e) -> assertThat(e.field()).isEqualTo("amount"))
			.satisfies((e) -> assertThat(e.message()).contains("2 decimals"));
		Cells<AllocationColumns> missing = cells("", "");
		missing.amount(AllocationColumns.AMOUNT, AllocationColumns.AMOUNT_WAN_YUAN, true);
		assertThat(missing.errors()).singleElement().satisfies((e) -> assertThat(e.message()).contains("required"));
		Cells<AllocationColumns> words = cells("", "一千");
		words.amount(AllocationColumns.AMOUNT, AllocationColumns.AMOUNT_WAN_YUAN, true);
		assertThat(words.errors()).singleElement().satisfies((e) -> assertThat(e.field()).isEqualTo("amountWanYuan"));
	}

	@Test
	void readsDatesAsOfficesWriteThem() {
		assertThat(new Cells<>(List.of("", "", "", "", "", "2024年3月5日"), this.columns).date(AllocationColumns.ISSUED_ON,
				true))
			.isEqualTo("2024-03-05");
		Cells<AllocationColumns> bad = new Cells<>(List.of("", "", "", "", "", "2024-02-30"), this.columns);
		assertThat(bad.date(AllocationColumns.ISSUED_ON, true)).isNull();
		assertThat(bad.errors()).hasSize(1);
	}

	private Cells<AllocationColumns> cells(String yuan, String wan) {
		return new Cells<>(List.of("2024", "第一批到县资金", "x", yuan, wan, "2024-03-01"), this.columns);
	}

}
