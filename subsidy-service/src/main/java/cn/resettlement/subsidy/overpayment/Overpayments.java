package cn.resettlement.subsidy.overpayment;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.resettlement.platform.audit.AuditTrail;
import cn.resettlement.platform.events.Outbox;
import cn.resettlement.platform.security.Caller;
import cn.resettlement.subsidy.config.SubsidyProperties;
import cn.resettlement.subsidy.policy.EligibilityPolicy;
import cn.resettlement.subsidy.policy.Period;

/**
 * Detects overpayments (多领) and keeps recovery claims in line with the person's status
 * timeline. Population's adjustments arrive as events; each time the timeline of a person
 * changes, and each time lines of a person with adjustments are paid, the person's paid
 * lines are compared with the timeline ({@link OverpaymentRule}): newly overpaid lines
 * open a claim for exactly those lines, claimed lines that a reinstatement made good
 * again leave their open claim. Idempotent: doing it twice changes nothing.
 */
@Service
public class Overpayments {

	static final int MONTHS_TO_RECOVER = 3;

	private final JdbcClient jdbc;

	private final Claims claims;

	private final OverpaymentRule rule;

	private final EligibilityPolicy policy;

	private final Outbox outbox;

	private final AuditTrail audit;

	private final Clock clock;

	private final ZoneId zone;

	Overpayments(JdbcClient jdbc, Claims claims, EligibilityPolicy policy, Outbox outbox, AuditTrail audit, Clock clock,
			SubsidyProperties properties) {
		this.jdbc = jdbc;
		this.claims = claims;
		this.rule = new OverpaymentRule(policy);
		this.policy = policy;
		this.outbox = outbox;
		this.audit = audit;
		this.clock = clock;
		this.zone = properties.zone();
	}

	/**
	 * A dynamic adjustment of a person (动态调整), from population's events. A removal also
	 * takes the person out of batches that are still drafts.
	 */
	@Transactional
	public void adjusted(Adjustment adjustment) {
		this.jdbc
			.sql("""
					insert into migrant_adjustment (adjustment_id, migrant_id, id_number, township_code, type, effective_date,
					                                decided_on, new_status, created_by)
					values (?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (adjustment_id) do nothing""")
			.params(adjustment.adjustmentId(), adjustment.migrantId(), adjustment.idNumber(), adjustment.townshipCode(),
					adjustment.type(), adjustment.effectiveDate(), adjustment.decidedOn(), adjustment.newStatus(),
					Caller.current().userId())
			.update();
		lockPerson(adjustment.migrantId());
		if ("REMOVED".equals(adjustment.newStatus())) {
			dropFromDrafts(adjustment.migrantId());
		}
		reconcile(adjustment.migrantId());
	}

	/**
	 * Registered data of a person was corrected: open claims and lines not yet sent to
	 * the bank take the corrected ID number, name and township.
	 */
	@Transactional
	public void corrected(UUID migrantId, String idNumber, String name, String townshipCode) {
		lockPerson(migrantId);
		this.jdbc.sql("""
				update overpayment_claim set id_number = ?, name = ?, township_code = ?, version = version + 1,
				       updated_at = now(), updated_by = ?
				where migrant_id = ? and status = 'OPEN'""")
			.params(idNumber, name, townshipCode, Caller.current().userId(), migrantId)
			.update();
		this.jdbc.sql("""
				update subsidy_line l set id_number = ?, name = ?, township_code = ?, version = l.version + 1,
				       updated_at = now(), updated_by = ?
				from disbursement_batch b
				where l.batch_id = b.id and l.migrant_id = ? and b.status in ('DRAFT', 'APPROVED')""")
			.params(idNumber, name, townshipCode, Caller.current().userId(), migrantId)
			.update();
	}

	/**
	 * Lines of a result recording were paid: persons among them with adjustments on
	 * record are checked for overpayment (a removal may have arrived before the bank's
	 * result).
	 */
	@Transactional
	public void reviewPayments(UUID importId) {
		List<UUID> persons = this.jdbc.sql("""
				select distinct a.migrant_id from migrant_adjustment a
				where exists (select 1 from subsidy_line l
				              where l.migrant_id = a.migrant_id and l.result_import = ? and l.status = 'PAID')""")
			.param(importId)
			.query(UUID.class)
			.list();
		for (UUID person : persons) {
			lockPerson(person);
			reconcile(person);
		}
	}

	private void lockPerson(UUID migrantId) {
		this.jdbc.sql("select pg_advisory_xact_lock(hashtextextended(?, 7))")
			.param(migrantId.toString())
			.query((rs, n) -> null)
			.list();
	}

	private List<OverpaymentRule.StatusChange> timeline(UUID migrantId) {
		return this.jdbc.sql("""
				select adjustment_id, type, effective_date, new_status, seq from migrant_adjustment
				where migrant_id = ? order by effective_date, seq""")
			.param(migrantId)
			.query((rs, n) -> new OverpaymentRule.StatusChange(rs.getObject(1, UUID.class), rs.getString(2),
					rs.getObject(3, LocalDate.class), rs.getString(4), rs.getLong(5)))
			.list();
	}

	private void dropFromDrafts(UUID migrantId) {
		List<OverpaymentRule.StatusChange> timeline = timeline(migrantId);
		List<DraftLine> drafts = this.jdbc.sql("""
				select l.id, l.batch_id, l.period from subsidy_line l join disbursement_batch b on b.id = l.batch_id
				where l.migrant_id = ? and b.status = 'DRAFT'""")
			.param(migrantId)
			.query((rs, n) -> new DraftLine(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3)))
			.list();
		List<DraftLine> excluded = drafts.stream()
			.filter((line) -> OverpaymentRule.governing(this.policy.decisiveDate(Period.parse(line.period())), timeline)
				.filter(OverpaymentRule.StatusChange::removes)
				.isPresent())
			.toList();
		if (excluded.isEmpty()) {
			return;
		}
		UUID[] ids = excluded.stream().map(DraftLine::lineId).toArray(UUID[]::new);
		this.jdbc.sql("update subsidy_line set superseded_by = null where superseded_by = any(?)").param(ids).update();
		this.jdbc.sql("delete from subsidy_line where id = any(?)").param(ids).update();
		for (UUID batchId : excluded.stream().map(DraftLine::batchId).collect(Collectors.toSet())) {
			this.jdbc.sql("""
					update disbursement_batch b set line_count = s.lines, total_amount_fen = s.total,
					       version = b.version + 1, updated_at = now(), updated_by = ?
					from (select count(*) as lines, coalesce(sum(amount_fen), 0) as total
					      from subsidy_line where batch_id = ?) s
					where b.id = ?""").params(Caller.current().userId(), batchId, batchId).update();
			this.audit.record("subsidy-batch.line-removed", "DisbursementBatch", batchId,
					Map.of("migrantId", migrantId, "reason", "removed before the period"));
		}
	}

	/** Brings the person's claims in line with their paid lines and status timeline. */
	private void reconcile(UUID migrantId) {
		List<OverpaymentRule.StatusChange> timeline = timeline(migrantId);
		List<PaidLineRow> paid = this.jdbc
			.sql("""
					select id, batch_id, period, amount_fen, id_number, name, township_code, village
					from subsidy_line where migrant_id = ? and status = 'PAID' and superseded_by is null order by period_start""")
			.param(migrantId)
			.query((rs, n) -> new PaidLineRow(
					new OverpaymentRule.PaidLine(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
							rs.getString(3), rs.getLong(4)),
					rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8)))
			.list();
		if (paid.isEmpty()) {
			return;
		}
		List<OverpaymentRule.Overpaid> overpaid = this.rule.overpaid(paid.stream().map(PaidLineRow::line).toList(),
				timeline);
		Set<UUID> overpaidLines = overpaid.stream().map((o) -> o.line().lineId()).collect(Collectors.toSet());
		List<Claims.ClaimLineRow> claimed = this.claims.claimedLines(migrantId);
		Set<UUID> claimedLines = claimed.stream().map(Claims.ClaimLineRow::lineId).collect(Collectors.toSet());
		LocalDate today = LocalDate.now(this.clock.withZone(this.zone));

		Map<UUID, List<Claims.ClaimLineRow>> released = claimed.stream()
			.filter((c) -> c.claimStatus() == ClaimStatus.OPEN && !overpaidLines.contains(c.lineId()))
			.collect(Collectors.groupingBy(Claims.ClaimLineRow::claimId, LinkedHashMap::new, Collectors.toList()));
		released.forEach((claimId, lines) -> release(claimId, lines, today));

		Map<UUID, List<OverpaymentRule.Overpaid>> fresh = overpaid.stream()
			.filter((o) -> !claimedLines.contains(o.line().lineId()))
			.collect(Collectors.groupingBy((o) -> o.removal().adjustmentId(), LinkedHashMap::new, Collectors.toList()));
		PaidLineRow person = paid.get(paid.size() - 1);
		fresh.values().forEach((lines) -> open(migrantId, person, lines, today));
	}

	private void open(UUID migrantId, PaidLineRow person, List<OverpaymentRule.Overpaid> lines, LocalDate today) {
		OverpaymentRule.StatusChange removal = lines.get(0).removal();
		long amount = lines.stream().mapToLong((o) -> o.line().amountFen()).sum();
		UUID claimId = UUID.randomUUID();
		LocalDate due = today.plusMonths(MONTHS_TO_RECOVER);
		List<ClaimedLine> claimedLines = new ArrayList<>();
		this.claims.insert(claimId, migrantId, person.idNumber(), person.name(), person.townshipCode(),
				person.village(), removal.type(), removal.adjustmentId(), removal.effectiveDate(), amount, today, due);
		for (OverpaymentRule.Overpaid overpaid : lines) {
			OverpaymentRule.PaidLine line = overpaid.line();
			this.claims.insertLine(claimId, line.lineId(), line.period(), line.amountFen());
			claimedLines.add(new ClaimedLine(line.lineId(), line.batchId(), line.period(), line.amountFen()));
		}
		this.outbox.append(
				new OverpaymentClaimOpened(claimId, migrantId, person.idNumber(), person.townshipCode(), removal.type(),
						removal.adjustmentId(), removal.effectiveDate(), amount, amount, today, due, claimedLines));
		this.audit.record("overpayment-claim.opened", "OverpaymentClaim", claimId,
				Map.of("migrantId", migrantId, "amountFen", amount, "lines", claimedLines.size()));
	}

	private void release(UUID claimId, List<Claims.ClaimLineRow> lines, LocalDate today) {
		Claim claim = this.claims.lock(claimId).orElseThrow();
		long releasedFen = lines.stream().mapToLong(Claims.ClaimLineRow::amountFen).sum();
		long amount = claim.amountFen() - releasedFen;
		ClaimStatus status = ClaimStatus.OPEN;
		if (amount == 0 && claim.recoveredFen() == 0 && claim.writtenOffFen() == 0) {
			status = ClaimStatus.CANCELLED;
		}
		else if (claim.recoveredFen() + claim.writtenOffFen() >= amount) {
			status = ClaimStatus.RECOVERED;
		}
		this.claims.release(claimId, lines.stream().map(Claims.ClaimLineRow::lineId).toArray(UUID[]::new), amount,
				status);
		long outstanding = Math.max(0, amount - claim.recoveredFen() - claim.writtenOffFen());
		this.outbox.append(new OverpaymentClaimAdjusted(claimId, claim.migrantId(), claim.idNumber(),
				claim.townshipCode(), claim.amountFen(), amount, claim.recoveredFen(), outstanding, status,
				lines.stream().map((l) -> new ClaimedLine(l.lineId(), l.batchId(), l.period(), l.amountFen())).toList(),
				today));
		this.audit.record("overpayment-claim.adjusted", "OverpaymentClaim", claimId,
				Map.of("previousAmountFen", claim.amountFen(), "amountFen", amount, "status", status.name()));
	}

	/**
	 * An adjustment as population-service published it.
	 *
	 * @param adjustmentId adjustment id
	 * @param migrantId migrant id
	 * @param idNumber ID number
	 * @param townshipCode township
	 * @param type adjustment type
	 * @param effectiveDate from when it holds
	 * @param decidedOn date of the decision
	 * @param newStatus the status it sets
	 */
	public record Adjustment(UUID adjustmentId, UUID migrantId, String idNumber, String townshipCode, String type,
			LocalDate effectiveDate, LocalDate decidedOn, String newStatus) {
	}

	private record DraftLine(UUID lineId, UUID batchId, String period) {
	}

	private record PaidLineRow(OverpaymentRule.PaidLine line, String idNumber, String name, String townshipCode,
			String village) {
	}

}
