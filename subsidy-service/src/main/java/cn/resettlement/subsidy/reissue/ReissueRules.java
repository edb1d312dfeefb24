package cn.resettlement.subsidy.reissue;

import java.util.Objects;
import java.util.UUID;

import cn.resettlement.subsidy.integration.RosterEntry;
import cn.resettlement.subsidy.policy.EligibilityPolicy;
import cn.resettlement.subsidy.policy.Entitlement;
import cn.resettlement.subsidy.policy.Period;

/**
 * Which failed lines a supplementary batch re-issues (补发). A failed line is re-issued
 * once, to the person's current payee details, when the person is still on the roster of
 * the period's decisive date and still owed something for it; the bank refused the old
 * details, so unless asked otherwise a line is only re-issued once its details (card
 * account, name or ID number) were corrected.
 */
final class ReissueRules {

	private final EligibilityPolicy policy;

	ReissueRules(EligibilityPolicy policy) {
		this.policy = policy;
	}

	Decision decide(FailedLine failed, RosterEntry current, Period period, long annualAmountFen,
			boolean includeUnchanged) {
		if (current == null) {
			return new Decision(Outcome.NOT_ELIGIBLE, null, Entitlement.NONE);
		}
		Entitlement entitlement = this.policy.entitlement(period, annualAmountFen, current.supportStart(),
				current.supportEnd());
		if (!entitlement.payable()) {
			return new Decision(Outcome.NOT_ELIGIBLE, current, Entitlement.NONE);
		}
		if (current.cardAccount() == null || current.cardAccount().isBlank()) {
			return new Decision(Outcome.NO_CARD_ACCOUNT, current, entitlement);
		}
		boolean unchanged = Objects.equals(current.cardAccount(), failed.cardAccount())
				&& Objects.equals(current.name(), failed.name())
				&& Objects.equals(current.idNumber(), failed.idNumber());
		if (unchanged && !includeUnchanged) {
			return new Decision(Outcome.UNCHANGED, current, entitlement);
		}
		return new Decision(Outcome.REISSUE, current, entitlement);
	}

	/** What becomes of a failed line. */
	enum Outcome {

		/** Re-issued in the supplementary batch. */
		REISSUE,
		/** Not on the roster of the period any more (removed, term over): not owed. */
		NOT_ELIGIBLE,
		/** No card account registered now. */
		NO_CARD_ACCOUNT,
		/** The details the bank refused are still the same: correct them first. */
		UNCHANGED

	}

	/**
	 * A failed line as it went to the bank.
	 *
	 * @param lineId line id
	 * @param lineNo its number in the batch
	 * @param migrantId migrant id
	 * @param idNumber ID number sent
	 * @param name name sent
	 * @param cardAccount card account sent
	 */
	record FailedLine(UUID lineId, int lineNo, UUID migrantId, String idNumber, String name, String cardAccount) {
	}

	/**
	 * @param outcome what becomes of the line
	 * @param current the person on the roster now, if there
	 * @param entitlement what the person is owed for the period now
	 */
	record Decision(Outcome outcome, RosterEntry current, Entitlement entitlement) {
	}

}
