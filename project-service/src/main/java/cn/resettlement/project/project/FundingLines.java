package cn.resettlement.project.project;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * How money moves through a project's funding lines: a disbursement spends the lines in
 * their order; a cancellation releases what each line still holds.
 */
final class FundingLines {

	private FundingLines() {
	}

	/**
	 * Which lines pay a disbursement: the first line with money left first.
	 * @throws IllegalStateException when the lines together hold less (the project
	 * refuses such a disbursement before this is asked)
	 */
	static List<Share> spend(List<FundingLine> lines, long fen) {
		List<Share> shares = new ArrayList<>();
		long left = fen;
		for (FundingLine line : ordered(lines)) {
			if (left == 0) {
				break;
			}
			long take = Math.min(left, line.availableFen());
			if (take > 0) {
				shares.add(new Share(line, take));
				left -= take;
			}
		}
		if (left > 0) {
			throw new IllegalStateException("Funding lines hold " + (fen - left) + " fen, not " + fen);
		}
		return shares;
	}

	/** What each line still holds, to give back to its allocation on cancellation. */
	static List<Share> unspent(List<FundingLine> lines) {
		return ordered(lines).stream()
			.filter((l) -> l.availableFen() > 0)
			.map((l) -> new Share(l, l.availableFen()))
			.toList();
	}

	static long total(List<Share> shares) {
		return shares.stream().mapToLong(Share::fen).sum();
	}

	private static List<FundingLine> ordered(List<FundingLine> lines) {
		return lines.stream().sorted(Comparator.comparingInt(FundingLine::seq)).toList();
	}

	/** An amount taken from, or given back by, one line. */
	record Share(FundingLine line, long fen) {

		AllocationShare toAllocationShare() {
			return this.line.share(this.fen);
		}

	}

}
