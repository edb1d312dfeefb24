package cn.resettlement.subsidy.policy;

import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.resettlement.platform.audit.AuditTrail;
import cn.resettlement.platform.events.Outbox;
import cn.resettlement.platform.web.ApiException;
import cn.resettlement.platform.web.ETags;

/** Sets the policy of a year. */
@Service
class PolicyManagement {

	private final Policies policies;

	private final Outbox outbox;

	private final AuditTrail audit;

	PolicyManagement(Policies policies, Outbox outbox, AuditTrail audit) {
		this.policies = policies;
		this.outbox = outbox;
		this.audit = audit;
	}

	/**
	 * Creates or replaces the policy of a year. Replacing needs the current version and
	 * is refused once the year has batches: their amounts were computed from it.
	 * @return the policy and whether it was created
	 */
	@Transactional
	Result set(int year, long annualAmountFen, Frequency frequency, String ifMatch) {
		boolean created = this.policies.insert(year, annualAmountFen, frequency);
		if (!created) {
			long expected = ETags.expectedVersion(ifMatch);
			if (this.policies.batchesOf(year) > 0) {
				throw ApiException.conflict("policy-in-use",
						"The policy of " + year + " cannot change: batches of that year were generated with it.");
			}
			ETags.requireUpdated(this.policies.update(year, annualAmountFen, frequency, expected));
		}
		SubsidyPolicy policy = this.policies.find(year).orElseThrow();
		this.outbox.append(new SubsidyPolicySet(year, annualAmountFen, frequency,
				Period.of(year, frequency).stream().map(Period::code).toList(), periodAmount(policy)));
		this.audit.record(created ? "subsidy-policy.created" : "subsidy-policy.changed", "SubsidyPolicy", year,
				Map.of("annualAmountFen", annualAmountFen, "frequency", frequency.name()));
		return new Result(policy, created);
	}

	static long periodAmount(SubsidyPolicy policy) {
		return Math.floorDiv(policy.annualAmountFen() * policy.frequency().months() + 6, 12);
	}

	record Result(SubsidyPolicy policy, boolean created) {
	}

}
