package cn.resettlement.training.vocational;

import java.util.UUID;

import cn.resettlement.platform.events.DomainEvent;

/**
 * A vocational-education subsidy was granted. Reporting counts each grant of {@code year}
 * as one person-time and sums {@code amountFen}.
 */
public record VocationalSubsidyGranted(UUID grantId, UUID migrantId, String idNumber, UUID householdId,
		String townshipCode, String school, String programme, VocationalLevel level, String academicYear, int year,
		long amountFen, boolean lateClaim) implements DomainEvent {

	static VocationalSubsidyGranted of(VocationalSubsidy s) {
		return new VocationalSubsidyGranted(s.id(), s.migrantId(), s.idNumber(), s.householdId(), s.townshipCode(),
				s.school(), s.programme(), s.level(), s.academicYear(), s.year(), s.amountFen(), s.lateClaim());
	}

	@Override
	public String subject() {
		return this.grantId.toString();
	}

	@Override
	public String aggregateType() {
		return "VocationalSubsidy";
	}

}
