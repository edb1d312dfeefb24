package cn.resettlement.project.allocation;

import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import cn.resettlement.platform.web.ApiException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class FundAllocationTests {

	private final FundAllocation allocation = new FundAllocation(UUID.randomUUID(), 2024,
			AllocationCategory.KEY_VILLAGE, "邵财农〔2024〕3号", "重点移民村建设专项", 400_000_000L, 0, LocalDate.of(2024, 3, 1), 0);

	@Test
	void aNewAllocationHasItsWholeAmountLeft() {
		assertThat(this.allocation.remainingFen()).isEqualTo(400_000_000L);
	}

	@Test
	void drawingReducesTheRemainingBalance() {
		FundAllocation drawn = this.allocation.draw(200_000_000L).draw(150_000_000L);
		assertThat(drawn.drawnFen()).isEqualTo(350_000_000L);
		assertThat(drawn.remainingFen()).isEqualTo(50_000_000L);
	}

	@Test
	void theWholeBalanceCanBeDrawnButNotOneFenMore() {
		FundAllocation empty = this.allocation.draw(400_000_000L);
		assertThat(empty.remainingFen()).isZero();
		assertThatExceptionOfType(ApiException.class).isThrownBy(() -> empty.draw(1))
			.satisfies((ex) -> assertThat(ex.slug()).isEqualTo("allocation-overdrawn"))
			.satisfies((ex) -> assertThat(ex.status().value()).isEqualTo(409));
	}

	@Test
	void refusesADrawAboveTheRemainingBalance() {
		FundAllocation half = this.allocation.draw(300_000_000L);
		assertThatExceptionOfType(ApiException.class).isThrownBy(() -> half.draw(100_000_001L))
			.withMessageContaining("1000000.00 yuan left");
	}

	@Test
	void releasingGivesUnspentFundingBack() {
		FundAllocation released = this.allocation.draw(300_000_000L).release(120_000_000L);
		assertThat(released.remainingFen()).isEqualTo(220_000_000L);
		assertThatIllegalArgumentException().isThrownBy(() -> released.release(180_000_001L));
	}

	@Test
	void anAllocationCanNeverHoldMoreDrawnThanItsAmount() {
		assertThatIllegalArgumentException().isThrownBy(() -> new FundAllocation(UUID.randomUUID(), 2024,
				AllocationCategory.OTHER, "x", "x", 100, 101, LocalDate.of(2024, 1, 1), 0));
		assertThatIllegalArgumentException().isThrownBy(() -> this.allocation.draw(0));
	}

}
