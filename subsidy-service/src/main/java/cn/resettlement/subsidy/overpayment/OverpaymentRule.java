package cn.resettlement.subsidy.overpayment;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import cn.resettlement.subsidy.policy.EligibilityPolicy;
import cn.resettlement.subsidy.policy.Period;

/**
 * Which paid lines were overpaid (多领): those whose period's decisive date (its first day)
 * fell while the person was removed. A removal taking effect during a period does not
 * touch that period; one taking effect on or before its first day excludes it; a
 * reinstatement gives back the periods starting on or after it.
 */
public final class OverpaymentRule {

	private static final Comparator<StatusChange> ORDER = Comparator.comparing(StatusChange::effectiveDate)
		.thenComparingLong(StatusChange::seq);

	private final EligibilityPolicy policy;

	public OverpaymentRule(EligibilityPolicy policy) {
		this.policy = policy;
	}

	/** The paid lines the person was not entitled to, each with the removal behind it. */
	public List<Overpaid> overpaid(List<PaidLine> lines, List<StatusChange> timeline) {
		return lines.stream()
			.map((line) -> governing(this.policy.decisiveDate(Period.parse(line.period())), timeline)
				.filter(StatusChange::removes)
				.map((change) -> new Overpaid(line, change)))
			.flatMap(Optional::stream)
			.toList();
	}

	/** The last status change in effect on a date (none: the person was active). */
	static Optional<StatusChange> governing(LocalDate date, List<StatusChange> timeline) {
		return timeline.stream().filter((change) -> !change.effectiveDate().isAfter(date)).max(ORDER);
	}

	/**
	 * A line paid to the person.
	 *
	 * @param lineId line id
	 * @param batchId its batch
	 * @param period period code
	 * @param amountFen amount paid
	 */
	public record PaidLine(UUID lineId, UUID batchId, String period, long amountFen) {
	}

	/**
	 * A change of the person's status, as population-service adjusted it.
	 *
	 * @param adjustmentId population's adjustment id
	 * @param type adjustment type (DEATH, MOVED_OUT, DUPLICATE, DISQUALIFIED, REINSTATED,
	 * ADDITION)
	 * @param effectiveDate from when it holds
	 * @param newStatus ACTIVE or REMOVED
	 * @param seq order of arrival, for changes with the same effective date
	 */
	public record StatusChange(UUID adjustmentId, String type, LocalDate effectiveDate, String newStatus, long seq) {

		public boolean removes() {
			return "REMOVED".equals(this.newStatus);
		}

	}

	/**
	 * An overpaid line and the removal that makes it so.
	 *
	 * @param line the line
	 * @param removal the removal in effect on the period's decisive date
	 */
	public record Overpaid(PaidLine line, StatusChange removal) {
	}

}
