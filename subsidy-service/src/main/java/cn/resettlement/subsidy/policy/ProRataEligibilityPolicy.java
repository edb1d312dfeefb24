package cn.resettlement.subsidy.policy;

import java.time.LocalDate;
import java.time.YearMonth;

import org.springframework.stereotype.Component;

/**
 * The default rule (domain.md): a person is paid for a period when active on its first
 * day; the amount is the annual amount × the period's months inside the support term ÷
 * 12, rounded half up to the fen. A month counts when the support term covers all of it,
 * so a term ending 2026-06-30 gives 300 yuan for 2026 at 600 a year. Another rule is a
 * {@code @Primary} {@link EligibilityPolicy} bean.
 */
@Component
public class ProRataEligibilityPolicy implements EligibilityPolicy {

	@Override
	public LocalDate decisiveDate(Period period) {
		return period.start();
	}

	@Override
	public Entitlement entitlement(Period period, long annualAmountFen, LocalDate supportStart, LocalDate supportEnd) {
		if (annualAmountFen <= 0 || supportEnd.isBefore(supportStart)) {
			return Entitlement.NONE;
		}
		int months = 0;
		for (YearMonth month : period.months()) {
			if (!month.atDay(1).isBefore(supportStart) && !month.atEndOfMonth().isAfter(supportEnd)) {
				months++;
			}
		}
		if (months == 0) {
			return Entitlement.NONE;
		}
		// half up on non-negative values: floor((a × m + 6) / 12)
		return new Entitlement(months, Math.floorDiv(Math.multiplyExact(annualAmountFen, months) + 6, 12));
	}

}
