package cn.resettlement.subsidy.overpayment;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.resettlement.platform.audit.AuditTrail;
import cn.resettlement.platform.events.Outbox;
import cn.resettlement.platform.security.Caller;
import cn.resettlement.platform.web.ApiException;
import cn.resettlement.platform.web.Money;
import cn.resettlement.subsidy.config.SubsidyProperties;

/** Recoveries (partial allowed) and write-offs of recovery claims. */
@Service
class ClaimManagement {

	private final Claims claims;

	private final Outbox outbox;

	private final AuditTrail audit;

	private final Clock clock;

	private final ZoneId zone;

	ClaimManagement(Claims claims, Outbox outbox, AuditTrail audit, Clock clock, SubsidyProperties properties) {
		this.claims = claims;
		this.outbox = outbox;
		this.audit = audit;
		this.clock = clock;
		this.zone = properties.zone();
	}

	/** Records money recovered; the claim is RECOVERED once nothing is outstanding. */
	@Transactional
	Recorded recover(UUID claimId, long amountFen, LocalDate recoveredOn, String receiptNo) {
		Claim claim = open(claimId);
		if (recoveredOn.isAfter(today())) {
			throw ApiException.invalid("recoveredOn", "must not be in the future");
		}
		if (amountFen > claim.outstandingFen()) {
			throw ApiException.conflict("exceeds-outstanding", "Only " + yuan(claim.outstandingFen())
					+ " yuan are outstanding on this claim; the recovery is " + yuan(amountFen) + ".");
		}
		long outstanding = claim.outstandingFen() - amountFen;
		ClaimStatus status = (outstanding == 0) ? ClaimStatus.RECOVERED : ClaimStatus.OPEN;
		UUID recoveryId = UUID.randomUUID();
		this.claims.recover(claimId, recoveryId, amountFen, recoveredOn, receiptNo, status);
		this.outbox.append(
				new OverpaymentRecovered(claimId, recoveryId, claim.migrantId(), claim.idNumber(), claim.townshipCode(),
						amountFen, recoveredOn, receiptNo, claim.recoveredFen() + amountFen, outstanding, status));
		this.audit.record("overpayment-claim.recovered", "OverpaymentClaim", claimId,
				Map.of("recoveryId", recoveryId, "amountFen", amountFen, "recoveredOn", recoveredOn.toString()));
		return new Recorded(recoveryId, this.claims.find(claimId).orElseThrow());
	}

	/** Writes off what is still owed, with a reason (kept internal). */
	@Transactional
	Claim writeOff(UUID claimId, LocalDate writtenOffOn, String reason) {
		Claim claim = open(claimId);
		if (writtenOffOn.isAfter(today())) {
			throw ApiException.invalid("writtenOffOn", "must not be in the future");
		}
		long amount = claim.outstandingFen();
		this.claims.writeOff(claimId, amount, writtenOffOn, reason);
		this.outbox.append(new OverpaymentWrittenOff(claimId, claim.migrantId(), claim.idNumber(), claim.townshipCode(),
				amount, writtenOffOn, claim.recoveredFen(), 0));
		this.audit.record("overpayment-claim.written-off", "OverpaymentClaim", claimId,
				Map.of("amountFen", amount, "writtenOffOn", writtenOffOn.toString()));
		return this.claims.find(claimId).orElseThrow();
	}

	private Claim open(UUID claimId) {
		Claim claim = this.claims.lock(claimId).orElseThrow(() -> ApiException.notFound("Overpayment claim", claimId));
		Caller.current().requireTownship(claim.townshipCode());
		if (claim.status() != ClaimStatus.OPEN) {
			throw ApiException.conflict("claim-not-open", "The claim is " + claim.status() + ".");
		}
		return claim;
	}

	private LocalDate today() {
		return LocalDate.now(this.clock.withZone(this.zone));
	}

	private static String yuan(long fen) {
		return Money.toYuan(fen).toPlainString();
	}

	record Recorded(UUID recoveryId, Claim claim) {
	}

}
