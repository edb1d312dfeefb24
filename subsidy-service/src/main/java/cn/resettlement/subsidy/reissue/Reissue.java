package cn.resettlement.subsidy.reissue;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.resettlement.platform.audit.AuditTrail;
import cn.resettlement.platform.security.Caller;
import cn.resettlement.platform.web.ApiException;
import cn.resettlement.platform.web.Masking;
import cn.resettlement.subsidy.batch.Batch;
import cn.resettlement.subsidy.batch.BatchKind;
import cn.resettlement.subsidy.batch.BatchStatus;
import cn.resettlement.subsidy.batch.Batches;
import cn.resettlement.subsidy.integration.Population;
import cn.resettlement.subsidy.integration.RosterEntry;
import cn.resettlement.subsidy.integration.RosterPage;
import cn.resettlement.subsidy.policy.EligibilityPolicy;
import cn.resettlement.subsidy.policy.Period;

/**
 * Creates the supplementary batch (补发批次) of a batch's failed lines. The current payee
 * details come from population-service's roster of the period's decisive date (one paged
 * read, matched in memory). Each re-issued failed line is marked as replaced in the same
 * transaction as its new line is written; the database allows one unreplaced line per
 * period and person, so nobody is paid twice for a period.
 */
@Service
class Reissue {

	private final Batches batches;

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	private final Population population;

	private final ReissueRules rules;

	private final AuditTrail audit;

	Reissue(Batches batches, JdbcClient jdbc, JdbcTemplate template, Population population, EligibilityPolicy policy,
			AuditTrail audit) {
		this.batches = batches;
		this.jdbc = jdbc;
		this.template = template;
		this.population = population;
		this.rules = new ReissueRules(policy);
		this.audit = audit;
	}

	@Transactional
	Result reissue(UUID batchId, boolean includeUnchanged) {
		Batch parent = this.batches.lock(batchId).orElseThrow(() -> ApiException.notFound("Batch", batchId));
		if (parent.status() != BatchStatus.EXPORTED && parent.status() != BatchStatus.RESULTS_RECORDED
				&& parent.status() != BatchStatus.CLOSED) {
			throw ApiException.conflict("illegal-state",
					"Failed lines are re-issued once the bank's results are in; this batch is " + parent.status()
							+ ".");
		}
		List<ReissueRules.FailedLine> failed = this.jdbc.sql("""
				select id, line_no, migrant_id, id_number, name, card_account from subsidy_line
				where batch_id = ? and status = 'FAILED' and superseded_by is null order by line_no""")
			.param(batchId)
			.query((rs, n) -> new ReissueRules.FailedLine(rs.getObject(1, UUID.class), rs.getInt(2),
					rs.getObject(3, UUID.class), rs.getString(4), rs.getString(5), rs.getString(6)))
			.list();
		if (failed.isEmpty()) {
			throw ApiException.conflict("nothing-to-reissue",
					"The batch has no failed line that was not re-issued already.");
		}
		Map<UUID, RosterEntry> current = currentDetails(parent, failed);
		Period period = parent.parsedPeriod();
		Map<ReissueRules.Outcome, Integer> counts = new EnumMap<>(ReissueRules.Outcome.class);
		List<Detail> details = new ArrayList<>();
		List<Object[]> lines = new ArrayList<>();
		List<Object[]> replaced = new ArrayList<>();
		String actor = Caller.current().userId();
		UUID supplementId = UUID.randomUUID();
		for (ReissueRules.FailedLine line : failed) {
			ReissueRules.Decision decision = this.rules.decide(line, current.get(line.migrantId()), period,
					parent.annualAmountFen(), includeUnchanged);
			counts.merge(decision.outcome(), 1, Integer::sum);
			details.add(new Detail(line.lineId(), parent.lineRef(line.lineNo()), Masking.idNumber(line.idNumber()),
					decision.outcome()));
			if (decision.outcome() == ReissueRules.Outcome.REISSUE) {
				RosterEntry person = decision.current();
				UUID lineId = Batch.lineId(supplementId, lines.size() + 1);
				replaced.add(new Object[] { lineId, line.lineId() });
				lines.add(new Object[] { lineId, supplementId, lines.size() + 1, period.year(), period.code(),
						period.start(), person.migrantId(), person.idNumber(), person.name(), person.townshipCode(),
						person.village(), person.householdNo(), person.cardAccount(), person.supportEnd(),
						decision.entitlement().months(), decision.entitlement().amountFen(), line.lineId(), actor,
						actor });
			}
		}
		if (lines.isEmpty()) {
			throw ApiException.conflict("nothing-to-reissue", "No failed line can be re-issued now: " + counts
					+ ". Correct the card details in the population register first, or send includeUnchanged.");
		}
		this.batches.insertGenerating(supplementId, period, BatchKind.SUPPLEMENTARY, batchId, parent.asOf(),
				parent.annualAmountFen());
		this.template.batchUpdate("update subsidy_line set superseded_by = ?, version = version + 1 where id = ?",
				replaced);
		this.template.batchUpdate(
				"""
						insert into subsidy_line (id, batch_id, line_no, year, period, period_start, migrant_id, id_number, name,
						                          township_code, village, household_no, card_account, support_end, months,
						                          amount_fen, reissue_of, created_by, updated_by)
						values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
				lines);
		long totalFen = lines.stream().mapToLong((line) -> (long) line[15]).sum();
		this.batches.generated(supplementId, null, null, lines.size(), totalFen, 0,
				counts.getOrDefault(ReissueRules.Outcome.NO_CARD_ACCOUNT, 0),
				counts.getOrDefault(ReissueRules.Outcome.NOT_ELIGIBLE, 0));
		this.audit.record("subsidy-batch.reissued", "DisbursementBatch", supplementId,
				Map.of("parentBatchId", batchId, "lines", lines.size()));
		return new Result(this.batches.find(supplementId).orElseThrow(), counts, details);
	}

	private Map<UUID, RosterEntry> currentDetails(Batch parent, List<ReissueRules.FailedLine> failed) {
		Map<UUID, RosterEntry> wanted = new HashMap<>();
		failed.forEach((line) -> wanted.put(line.migrantId(), null));
		Map<UUID, RosterEntry> found = new HashMap<>();
		RosterPage first = this.population.firstPage(parent.asOf());
		try {
			this.population.forEachPage(parent.asOf(), first, (page) -> {
				for (RosterEntry person : page.items()) {
					if (wanted.containsKey(person.migrantId())) {
						found.put(person.migrantId(), person);
					}
				}
			});
		}
		catch (RuntimeException ex) {
			throw ex;
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
		return found;
	}

	/**
	 * @param batch the supplementary batch (DRAFT)
	 * @param outcomes failed lines by outcome
	 * @param details what became of each failed line
	 */
	record Result(Batch batch, Map<ReissueRules.Outcome, Integer> outcomes, List<Detail> details) {
	}

	/**
	 * @param lineId the failed line
	 * @param lineRef its reference
	 * @param idNumber the person (masked)
	 * @param outcome what became of it
	 */
	record Detail(UUID lineId, String lineRef, String idNumber, ReissueRules.Outcome outcome) {
	}

}
