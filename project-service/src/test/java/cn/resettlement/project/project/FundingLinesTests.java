package cn.resettlement.project.project;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import cn.resettlement.project.allocation.AllocationCategory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class FundingLinesTests {

	private final UUID project = UUID.randomUUID();

	private final FundingLine first = line(1, AllocationCategory.FIRST_BATCH, 1_000, 0, 0);

	private final FundingLine second = line(2, AllocationCategory.KEY_VILLAGE, 500, 0, 0);

	@Test
	void aDisbursementSpendsTheLinesInTheirOrder() {
		List<FundingLines.Share> shares = FundingLines.spend(List.of(this.second, this.first), 1_200);
		assertThat(shares).extracting((s) -> s.line().seq(), FundingLines.Share::fen)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(1, 1_000L),
					org.assertj.core.groups.Tuple.tuple(2, 200L));
		assertThat(FundingLines.total(shares)).isEqualTo(1_200);
		assertThat(shares.get(1).toAllocationShare().category()).isEqualTo(AllocationCategory.KEY_VILLAGE);
	}

	@Test
	void skipsLinesAlreadySpent() {
		FundingLine spent = line(1, AllocationCategory.FIRST_BATCH, 1_000, 1_000, 0);
		assertThat(FundingLines.spend(List.of(spent, this.second), 300)).singleElement()
			.satisfies((s) -> assertThat(s.line().seq()).isEqualTo(2))
			.satisfies((s) -> assertThat(s.fen()).isEqualTo(300));
	}

	@Test
	void neverSpendsMoreThanTheLinesHold() {
		assertThatIllegalStateException().isThrownBy(() -> FundingLines.spend(List.of(this.first, this.second), 1_501));
	}

	@Test
	void cancellationReleasesWhatEachLineStillHolds() {
		FundingLine partlySpent = line(1, AllocationCategory.FIRST_BATCH, 1_000, 700, 0);
		FundingLine spent = line(3, AllocationCategory.OTHER, 100, 100, 0);
		List<FundingLines.Share> unspent = FundingLines.unspent(List.of(partlySpent, this.second, spent));
		assertThat(unspent).extracting(FundingLines.Share::fen).containsExactly(300L, 500L);
		assertThat(FundingLines.total(unspent)).isEqualTo(800);
	}

	private FundingLine line(int seq, AllocationCategory category, long amount, long spent, long released) {
		return new FundingLine(UUID.randomUUID(), this.project, UUID.randomUUID(), seq, category, 2024, "doc-" + seq,
				amount, spent, released);
	}

}
