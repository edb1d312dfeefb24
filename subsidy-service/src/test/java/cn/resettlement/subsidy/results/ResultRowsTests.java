package cn.resettlement.subsidy.results;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import cn.resettlement.platform.web.ApiException.FieldError;
import cn.resettlement.subsidy.batch.Batch;
import cn.resettlement.subsidy.batch.BatchKind;
import cn.resettlement.subsidy.batch.BatchStatus;
import cn.resettlement.subsidy.batch.LineStatus;
import cn.resettlement.subsidy.files.Columns;

import static org.assertj.core.api.Assertions.assertThat;

class ResultRowsTests {

	private static final LocalDate TODAY = LocalDate.of(2026, 11, 28);

	private final Batch batch = new Batch(UUID.randomUUID(), 12, 2024, "2024", BatchKind.REGULAR, null,
			LocalDate.of(2024, 1, 1), 60_000, BatchStatus.EXPORTED, null, 3L, new Batch.Counts(3, 180_000, 0, 0, 0, 0),
			0, 0, 0, null, "alice", Instant.now(), "bob", Instant.now(), "alice", Instant.now(), null, null, 2);

	@Test
	void readsTheLineNumberFromThisBatchsReference() {
		ResultRows.Parsed parsed = ResultRows.check(1, "B12-000345", null, LineStatus.PAID, TODAY, null, null,
				this.batch, TODAY);
		assertThat(parsed.errors()).isEmpty();
		assertThat(parsed.row().lineNo()).isEqualTo(345);
		assertThat(ResultRows.check(1, "B13-000345", null, LineStatus.PAID, TODAY, null, null, this.batch, TODAY)
			.row()
			.lineNo()).as("another batch's reference names no line here").isNull();
	}

	@Test
	void aPaidLineNeedsItsDateAndAFailedOneItsReason() {
		assertThat(fields(ResultRows.check(1, "B12-1", null, LineStatus.PAID, null, null, null, this.batch, TODAY)))
			.containsExactly("paidOn");
		assertThat(fields(ResultRows.check(1, "B12-1", null, LineStatus.FAILED, null, " ", null, this.batch, TODAY)))
			.containsExactly("failureReason");
		assertThat(
				fields(ResultRows.check(1, "B12-1", null, LineStatus.FAILED, TODAY, "账户已销户", null, this.batch, TODAY)))
			.containsExactly("paidOn");
		assertThat(fields(
				ResultRows.check(1, "B12-1", null, LineStatus.PAID, TODAY.plusDays(1), null, null, this.batch, TODAY)))
			.containsExactly("paidOn");
	}

	@Test
	void refusesBadIdNumbersAmountsAndRowsThatNameNoLine() {
		assertThat(fields(ResultRows.check(1, null, null, LineStatus.PAID, TODAY, null, null, this.batch, TODAY)))
			.containsExactly("lineRef");
		assertThat(fields(
				ResultRows.check(1, null, "430582198001011230", LineStatus.PAID, TODAY, null, null, this.batch, TODAY)))
			.containsExactly("idNumber");
		assertThat(fields(ResultRows.check(1, "B12-1", null, LineStatus.PAID, TODAY, null, new BigDecimal("600.001"),
				this.batch, TODAY)))
			.containsExactly("amount");
		assertThat(ResultRows
			.check(1, "B12-1", null, LineStatus.PAID, TODAY, null, new BigDecimal("600.00"), this.batch, TODAY)
			.row()
			.amountFen()).isEqualTo(60_000);
	}

	@Test
	void readsTheBanksReturnFileInChinese() {
		Columns columns = Columns.locate(List.of("参考号", "身份证号码", "姓名", "金额(元)", "状态", "支付日期", "失败原因"),
				ResultRows.COLUMNS);
		ResultRows.Parsed paid = ResultRows.check(2, List.of("B12-000001", "", "李明", "600.00", "成功", "2026/11/27", ""),
				columns, this.batch, TODAY);
		assertThat(paid.errors()).isEmpty();
		assertThat(paid.row().status()).isEqualTo(LineStatus.PAID);
		assertThat(paid.row().paidOn()).isEqualTo(LocalDate.of(2026, 11, 27));
		assertThat(paid.row().amountFen()).isEqualTo(60_000);
		ResultRows.Parsed failed = ResultRows.check(3, List.of("B12-000002", "", "王芳", "600", "失败", "", "账户已销户"),
				columns, this.batch, TODAY);
		assertThat(failed.row().status()).isEqualTo(LineStatus.FAILED);
		assertThat(failed.row().failureReason()).isEqualTo("账户已销户");
		assertThat(fields(ResultRows.check(4, List.of("B12-000003", "", "x", "600", "成功", "2026-13-01", ""), columns,
				this.batch, TODAY)))
			.containsExactly("paidOn");
		assertThat(fields(ResultRows.check(5, List.of("B12-000003", "", "x", "600", "maybe", "", ""), columns,
				this.batch, TODAY)))
			.containsExactly("status");
	}

	private static List<String> fields(ResultRows.Parsed parsed) {
		assertThat(parsed.row()).isNull();
		return parsed.errors().stream().map(FieldError::field).toList();
	}

}
