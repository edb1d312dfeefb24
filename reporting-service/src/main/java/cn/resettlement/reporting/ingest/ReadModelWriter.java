package cn.resettlement.reporting.ingest;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cn.resettlement.reporting.figures.Deltas;

/**
 * Writes the facts of a batch of events into the read models, set-based: one statement
 * per table for the whole batch (arrays unnested by PostgreSQL). It runs inside the
 * inbox's transaction, so the facts and the applied event ids commit together. Rows are
 * written in key order, so concurrent batches lock them in the same order.
 */
@Repository
class ReadModelWriter {

	private final JdbcClient jdbc;

	ReadModelWriter(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void write(List<Fact> facts) {
		Map<Class<?>, List<Fact>> byKind = new LinkedHashMap<>();
		for (Fact fact : facts) {
			byKind.computeIfAbsent(fact.getClass(), (k) -> new ArrayList<>()).add(fact);
		}
		Sums deltas = new Sums();
		migrants(of(byKind, Fact.MigrantRegistered.class), deltas);
		adjustments(of(byKind, Fact.MigrantAdjusted.class));
		policies(merged(of(byKind, Fact.PolicySet.class)));
		paid(of(byKind, Fact.SubsidyPaid.class), deltas);
		for (Fact.SubsidyFailed failed : of(byKind, Fact.SubsidyFailed.class)) {
			deltas.add(failed.unit(), Deltas.SUBSIDY_FAILED_LINES, failed.year(), 1);
			if (!failed.reissue()) {
				deltas.add(failed.unit(), Deltas.SUBSIDY_ORIGINAL_LINES, failed.year(), 1);
			}
		}
		for (Fact.Amount amount : of(byKind, Fact.Amount.class)) {
			deltas.add(amount.unit(), amount.metric(), amount.year(), amount.amount());
		}
		allocations(of(byKind, Fact.FundAllocated.class));
		projects(merged(of(byKind, Fact.Project.class)));
		assetIncomes(of(byKind, Fact.AssetIncome.class));
		dividends(of(byKind, Fact.Dividend.class));
		classes(merged(of(byKind, Fact.TrainingClass.class)));
		trainingDisbursements(of(byKind, Fact.TrainingDisbursed.class));
		grants(of(byKind, Fact.VocationalGrant.class));
		plans(merged(of(byKind, Fact.TrainingPlan.class)));
		petitions(merged(of(byKind, Fact.Petition.class)));
		deltas.write();
	}

	/** Records how far each partition has been applied (freshness). */
	void progress(Map<TopicPartitionKey, PartitionProgress> progress, Instant appliedAt) {
		if (progress.isEmpty()) {
			return;
		}
		List<Map.Entry<TopicPartitionKey, PartitionProgress>> rows = new ArrayList<>(
				new TreeMap<>(progress).entrySet());
		this.jdbc.sql("""
				insert into rm_partition_progress (topic, partition, last_event_time, last_applied_at, events)
				select t, p, e, ?, n from unnest(?::text[], ?::int[], ?::timestamptz[], ?::bigint[]) as x(t, p, e, n)
				on conflict (topic, partition) do update set
				  last_event_time = greatest(rm_partition_progress.last_event_time, excluded.last_event_time),
				  last_applied_at = excluded.last_applied_at,
				  events = rm_partition_progress.events + excluded.events""")
			.params(Timestamp.from(appliedAt), texts(rows, (r) -> r.getKey().topic()),
					texts(rows, (r) -> r.getKey().partition()), texts(rows, (r) -> r.getValue().lastEventTime()),
					texts(rows, (r) -> r.getValue().events()))
			.update();
	}

	private void migrants(List<Fact.MigrantRegistered> facts, Sums deltas) {
		if (facts.isEmpty()) {
			return;
		}
		List<Fact.MigrantRegistered> rows = sorted(facts,
				Comparator.comparing(Fact.MigrantRegistered::unit).thenComparing(Fact.MigrantRegistered::migrantId));
		// counted only when the row is new: a migrant registered twice counts once
		this.jdbc.sql("""
				insert into rm_migrant (unit_code, migrant_id, active_from)
				select * from unnest(?::text[], ?::uuid[], ?::date[])
				on conflict do nothing
				returning unit_code, extract(year from active_from)::int""")
			.params(texts(rows, Fact.MigrantRegistered::unit), texts(rows, Fact.MigrantRegistered::migrantId),
					texts(rows, Fact.MigrantRegistered::activeFrom))
			.query((rs, n) -> {
				deltas.add(rs.getString(1), Deltas.POPULATION_REGISTERED, rs.getInt(2), 1);
				return null;
			})
			.list();
	}

	private void adjustments(List<Fact.MigrantAdjusted> facts) {
		if (facts.isEmpty()) {
			return;
		}
		List<Fact.MigrantAdjusted> rows = sorted(facts,
				Comparator.comparing(Fact.MigrantAdjusted::unit).thenComparing(Fact.MigrantAdjusted::adjustmentId));
		this.jdbc.sql("""
				insert into rm_adjustment (unit_code, adjustment_id, migrant_id, type, effective_date, decided_on,
				  previous_status, new_status, event_time)
				select * from unnest(?::text[], ?::uuid[], ?::uuid[], ?::text[], ?::date[], ?::date[], ?::text[],
				  ?::text[], ?::timestamptz[])
				on conflict do nothing""")
			.params(texts(rows, Fact.MigrantAdjusted::unit), texts(rows, Fact.MigrantAdjusted::adjustmentId),
					texts(rows, Fact.MigrantAdjusted::migrantId), texts(rows, Fact.MigrantAdjusted::type),
					texts(rows, Fact.MigrantAdjusted::effectiveDate), texts(rows, Fact.MigrantAdjusted::decidedOn),
					texts(rows, Fact.MigrantAdjusted::previousStatus), texts(rows, Fact.MigrantAdjusted::newStatus),
					texts(rows, Fact.MigrantAdjusted::eventTime))
			.update();
	}

	private void policies(List<Fact.PolicySet> rows) {
		if (rows.isEmpty()) {
			return;
		}
		// the newest policy wins; equal times keep the larger amount (a stable choice)
		this.jdbc.sql("""
				insert into rm_subsidy_policy (unit_code, year, annual_amount_fen, frequency, event_time)
				select * from unnest(?::text[], ?::int[], ?::bigint[], ?::text[], ?::timestamptz[])
				on conflict (unit_code, year) do update set
				  annual_amount_fen = excluded.annual_amount_fen, frequency = excluded.frequency,
				  event_time = excluded.event_time
				where excluded.event_time > rm_subsidy_policy.event_time
				  or (excluded.event_time = rm_subsidy_policy.event_time
				      and (excluded.annual_amount_fen, excluded.frequency collate "C")
				        > (rm_subsidy_policy.annual_amount_fen, rm_subsidy_policy.frequency collate "C"))""")
			.params(texts(rows, Fact.PolicySet::unit), texts(rows, Fact.PolicySet::year),
					texts(rows, Fact.PolicySet::annualAmountFen), texts(rows, Fact.PolicySet::frequency),
					texts(rows, Fact.PolicySet::eventTime))
			.update();
	}

	private void paid(List<Fact.SubsidyPaid> facts, Sums deltas) {
		if (facts.isEmpty()) {
			return;
		}
		Map<String, Fact.SubsidyPaid> persons = new TreeMap<>();
		for (Fact.SubsidyPaid paid : facts) {
			deltas.add(paid.unit(), Deltas.SUBSIDY_PAID_AMOUNT, paid.year(), paid.amountFen());
			deltas.add(paid.unit(), Deltas.SUBSIDY_PAID_LINES, paid.year(), 1);
			if (!paid.reissue()) {
				deltas.add(paid.unit(), Deltas.SUBSIDY_ORIGINAL_LINES, paid.year(), 1);
			}
			persons.putIfAbsent(paid.unit() + "/" + paid.year() + "/" + paid.migrantId(), paid);
		}
		List<Fact.SubsidyPaid> rows = new ArrayList<>(persons.values());
		// a person paid for several periods of a year counts once: only new rows are
		// counted
		this.jdbc.sql("""
				insert into rm_subsidy_person (unit_code, year, migrant_id)
				select * from unnest(?::text[], ?::int[], ?::uuid[])
				on conflict do nothing
				returning unit_code, year""")
			.params(texts(rows, Fact.SubsidyPaid::unit), texts(rows, Fact.SubsidyPaid::year),
					texts(rows, Fact.SubsidyPaid::migrantId))
			.query((rs, n) -> {
				deltas.add(rs.getString(1), Deltas.SUBSIDY_PAID_PERSONS, rs.getInt(2), 1);
				return null;
			})
			.list();
	}

	private void allocations(List<Fact.FundAllocated> facts) {
		if (facts.isEmpty()) {
			return;
		}
		List<Fact.FundAllocated> rows = sorted(facts,
				Comparator.comparing(Fact.FundAllocated::unit).thenComparing(Fact.FundAllocated::allocationId));
		this.jdbc.sql("""
				insert into rm_allocation (unit_code, allocation_id, year, category, document_no, title, amount_fen,
				  issued_on)
				select * from unnest(?::text[], ?::uuid[], ?::int[], ?::text[], ?::text[], ?::text[], ?::bigint[],
				  ?::date[])
				on conflict do nothing""")
			.params(texts(rows, Fact.FundAllocated::unit), texts(rows, Fact.FundAllocated::allocationId),
					texts(rows, Fact.FundAllocated::year), texts(rows, Fact.FundAllocated::category),
					texts(rows, Fact.FundAllocated::documentNo), texts(rows, Fact.FundAllocated::title),
					texts(rows, Fact.FundAllocated::amountFen), texts(rows, Fact.FundAllocated::issuedOn))
			.update();
	}

	private void projects(List<Fact.Project> rows) {
		if (rows.isEmpty()) {
			return;
		}
		// the same merge as Fact.Project#merge, against the stored row
		this.jdbc.sql("""
				insert into rm_project (unit_code, project_id, year, code, name, type, township_code, village, started,
				  completed, accepted, cancelled, progress_sequence, progress_investment_fen, closing_investment_fen,
				  funding_fen, disbursed_fen, relocated_households, relocated_persons)
				select * from unnest(?::text[], ?::uuid[], ?::int[], ?::text[], ?::text[], ?::text[], ?::text[],
				  ?::text[], ?::boolean[], ?::boolean[], ?::boolean[], ?::boolean[], ?::int[], ?::bigint[], ?::bigint[],
				  ?::bigint[], ?::bigint[], ?::int[], ?::int[])
				on conflict (unit_code, project_id) do update set
				  year = greatest(rm_project.year, excluded.year),
				  code = greatest(rm_project.code collate "C", excluded.code collate "C"),
				  name = greatest(rm_project.name collate "C", excluded.name collate "C"),
				  type = greatest(rm_project.type collate "C", excluded.type collate "C"),
				  township_code = greatest(rm_project.township_code collate "C", excluded.township_code collate "C"),
				  village = greatest(rm_project.village collate "C", excluded.village collate "C"),
				  started = rm_project.started or excluded.started,
				  completed = rm_project.completed or excluded.completed,
				  accepted = rm_project.accepted or excluded.accepted,
				  cancelled = rm_project.cancelled or excluded.cancelled,
				  progress_sequence = greatest(rm_project.progress_sequence, excluded.progress_sequence),
				  progress_investment_fen = case when excluded.progress_sequence > rm_project.progress_sequence
				    then excluded.progress_investment_fen else rm_project.progress_investment_fen end,
				  closing_investment_fen = greatest(rm_project.closing_investment_fen, excluded.closing_investment_fen),
				  funding_fen = greatest(rm_project.funding_fen, excluded.funding_fen),
				  disbursed_fen = greatest(rm_project.disbursed_fen, excluded.disbursed_fen),
				  relocated_households = greatest(rm_project.relocated_households, excluded.relocated_households),
				  relocated_persons = greatest(rm_project.relocated_persons, excluded.relocated_persons)""")
			.params(texts(rows, Fact.Project::unit), texts(rows, Fact.Project::projectId),
					texts(rows, Fact.Project::year), texts(rows, Fact.Project::code), texts(rows, Fact.Project::name),
					texts(rows, Fact.Project::type), texts(rows, Fact.Project::townshipCode),
					texts(rows, Fact.Project::village), texts(rows, Fact.Project::started),
					texts(rows, Fact.Project::completed), texts(rows, Fact.Project::accepted),
					texts(rows, Fact.Project::cancelled), texts(rows, Fact.Project::progressSequence),
					texts(rows, Fact.Project::progressInvestmentFen), texts(rows, Fact.Project::closingInvestmentFen),
					texts(rows, Fact.Project::fundingFen), texts(rows, Fact.Project::disbursedFen),
					texts(rows, Fact.Project::relocatedHouseholds), texts(rows, Fact.Project::relocatedPersons))
			.update();
	}

	private void assetIncomes(List<Fact.AssetIncome> facts) {
		if (facts.isEmpty()) {
			return;
		}
		List<Fact.AssetIncome> rows = sorted(facts,
				Comparator.comparing(Fact.AssetIncome::unit).thenComparing(Fact.AssetIncome::incomeId));
		this.jdbc.sql("""
				insert into rm_asset_income (unit_code, income_id, asset_id, asset, year, amount_fen, received_on)
				select * from unnest(?::text[], ?::uuid[], ?::uuid[], ?::text[], ?::int[], ?::bigint[], ?::date[])
				on conflict do nothing""")
			.params(texts(rows, Fact.AssetIncome::unit), texts(rows, Fact.AssetIncome::incomeId),
					texts(rows, Fact.AssetIncome::assetId), texts(rows, Fact.AssetIncome::asset),
					texts(rows, Fact.AssetIncome::year), texts(rows, Fact.AssetIncome::amountFen),
					texts(rows, Fact.AssetIncome::receivedOn))
			.update();
	}

	private void dividends(List<Fact.Dividend> facts) {
		if (facts.isEmpty()) {
			return;
		}
		List<Fact.Dividend> rows = sorted(facts,
				Comparator.comparing(Fact.Dividend::unit).thenComparing(Fact.Dividend::dividendId));
		this.jdbc.sql("""
				insert into rm_dividend (unit_code, dividend_id, asset_id, asset, year, amount_fen, paid_on, recipients)
				select * from unnest(?::text[], ?::uuid[], ?::uuid[], ?::text[], ?::int[], ?::bigint[], ?::date[],
				  ?::int[])
				on conflict do nothing""")
			.params(texts(rows, Fact.Dividend::unit), texts(rows, Fact.Dividend::dividendId),
					texts(rows, Fact.Dividend::assetId), texts(rows, Fact.Dividend::asset),
					texts(rows, Fact.Dividend::year), texts(rows, Fact.Dividend::amountFen),
					texts(rows, Fact.Dividend::paidOn), texts(rows, Fact.Dividend::recipients))
			.update();
	}

	private void classes(List<Fact.TrainingClass> rows) {
		if (rows.isEmpty()) {
			return;
		}
		this.jdbc.sql("""
				insert into rm_training_class (unit_code, class_id, category, year, title, completed, cancelled,
				  persons_enrolled, persons_completed)
				select * from unnest(?::text[], ?::uuid[], ?::text[], ?::int[], ?::text[], ?::boolean[], ?::boolean[],
				  ?::int[], ?::int[])
				on conflict (unit_code, class_id) do update set
				  category = greatest(rm_training_class.category collate "C", excluded.category collate "C"),
				  year = greatest(rm_training_class.year, excluded.year),
				  title = greatest(rm_training_class.title collate "C", excluded.title collate "C"),
				  completed = rm_training_class.completed or excluded.completed,
				  cancelled = rm_training_class.cancelled or excluded.cancelled,
				  persons_enrolled = greatest(rm_training_class.persons_enrolled, excluded.persons_enrolled),
				  persons_completed = greatest(rm_training_class.persons_completed, excluded.persons_completed)""")
			.params(texts(rows, Fact.TrainingClass::unit), texts(rows, Fact.TrainingClass::classId),
					texts(rows, Fact.TrainingClass::category), texts(rows, Fact.TrainingClass::year),
					texts(rows, Fact.TrainingClass::title), texts(rows, Fact.TrainingClass::completed),
					texts(rows, Fact.TrainingClass::cancelled), texts(rows, Fact.TrainingClass::personsEnrolled),
					texts(rows, Fact.TrainingClass::personsCompleted))
			.update();
	}

	private void trainingDisbursements(List<Fact.TrainingDisbursed> facts) {
		if (facts.isEmpty()) {
			return;
		}
		List<Fact.TrainingDisbursed> rows = sorted(facts, Comparator.comparing(Fact.TrainingDisbursed::unit)
			.thenComparing(Fact.TrainingDisbursed::disbursementId));
		this.jdbc.sql("""
				insert into rm_training_disbursement (unit_code, disbursement_id, class_id, category, class_year,
				  amount_fen)
				select * from unnest(?::text[], ?::uuid[], ?::uuid[], ?::text[], ?::int[], ?::bigint[])
				on conflict do nothing""")
			.params(texts(rows, Fact.TrainingDisbursed::unit), texts(rows, Fact.TrainingDisbursed::disbursementId),
					texts(rows, Fact.TrainingDisbursed::classId), texts(rows, Fact.TrainingDisbursed::category),
					texts(rows, Fact.TrainingDisbursed::classYear), texts(rows, Fact.TrainingDisbursed::amountFen))
			.update();
	}

	private void grants(List<Fact.VocationalGrant> facts) {
		if (facts.isEmpty()) {
			return;
		}
		List<Fact.VocationalGrant> rows = sorted(facts,
				Comparator.comparing(Fact.VocationalGrant::unit).thenComparing(Fact.VocationalGrant::grantId));
		this.jdbc.sql("""
				insert into rm_vocational_grant (unit_code, grant_id, migrant_id, year, amount_fen, late_claim)
				select * from unnest(?::text[], ?::uuid[], ?::uuid[], ?::int[], ?::bigint[], ?::boolean[])
				on conflict do nothing""")
			.params(texts(rows, Fact.VocationalGrant::unit), texts(rows, Fact.VocationalGrant::grantId),
					texts(rows, Fact.VocationalGrant::migrantId), texts(rows, Fact.VocationalGrant::year),
					texts(rows, Fact.VocationalGrant::amountFen), texts(rows, Fact.VocationalGrant::lateClaim))
			.update();
	}

	private void plans(List<Fact.TrainingPlan> rows) {
		if (rows.isEmpty()) {
			return;
		}
		this.jdbc.sql("""
				insert into rm_training_plan (unit_code, year, categories, event_time)
				select * from unnest(?::text[], ?::int[], ?::text[], ?::timestamptz[])
				on conflict (unit_code, year) do update set
				  categories = excluded.categories, event_time = excluded.event_time
				where excluded.event_time > rm_training_plan.event_time
				  or (excluded.event_time = rm_training_plan.event_time
				      and excluded.categories collate "C" > rm_training_plan.categories collate "C")""")
			.params(texts(rows, Fact.TrainingPlan::unit), texts(rows, Fact.TrainingPlan::year),
					texts(rows, Fact.TrainingPlan::categories), texts(rows, Fact.TrainingPlan::eventTime))
			.update();
	}

	private void petitions(List<Fact.Petition> rows) {
		if (rows.isEmpty()) {
			return;
		}
		this.jdbc.sql("""
				insert into rm_petition (unit_code, petition_id, received_on, person_count, category, channel,
				  collective, registered, accepted, accepted_on_time, rejected, rejected_on_time, closed, satisfaction)
				select * from unnest(?::text[], ?::uuid[], ?::date[], ?::int[], ?::text[], ?::text[], ?::boolean[],
				  ?::boolean[], ?::boolean[], ?::boolean[], ?::boolean[], ?::boolean[], ?::boolean[], ?::text[])
				on conflict (unit_code, petition_id) do update set
				  received_on = greatest(rm_petition.received_on, excluded.received_on),
				  person_count = greatest(rm_petition.person_count, excluded.person_count),
				  category = greatest(rm_petition.category collate "C", excluded.category collate "C"),
				  channel = greatest(rm_petition.channel collate "C", excluded.channel collate "C"),
				  collective = rm_petition.collective or excluded.collective,
				  registered = rm_petition.registered or excluded.registered,
				  accepted = rm_petition.accepted or excluded.accepted,
				  accepted_on_time = greatest(rm_petition.accepted_on_time, excluded.accepted_on_time),
				  rejected = rm_petition.rejected or excluded.rejected,
				  rejected_on_time = greatest(rm_petition.rejected_on_time, excluded.rejected_on_time),
				  closed = rm_petition.closed or excluded.closed,
				  satisfaction = greatest(rm_petition.satisfaction collate "C", excluded.satisfaction collate "C")""")
			.params(texts(rows, Fact.Petition::unit), texts(rows, Fact.Petition::petitionId),
					texts(rows, Fact.Petition::receivedOn), texts(rows, Fact.Petition::personCount),
					texts(rows, Fact.Petition::category), texts(rows, Fact.Petition::channel),
					texts(rows, Fact.Petition::collective), texts(rows, Fact.Petition::registered),
					texts(rows, Fact.Petition::accepted), texts(rows, Fact.Petition::acceptedOnTime),
					texts(rows, Fact.Petition::rejected), texts(rows, Fact.Petition::rejectedOnTime),
					texts(rows, Fact.Petition::closed), texts(rows, Fact.Petition::satisfaction))
			.update();
	}

	/** Facts of one aggregate in this batch merged into one, sorted by key. */
	@SuppressWarnings("unchecked")
	private static <T extends Fact.Mergeable<T>> List<T> merged(List<T> facts) {
		Map<String, T> byKey = new TreeMap<>();
		for (T fact : facts) {
			byKey.merge(fact.key().toString(), fact, (a, b) -> a.merge(b));
		}
		return new ArrayList<>(byKey.values());
	}

	@SuppressWarnings("unchecked")
	private static <T> List<T> of(Map<Class<?>, List<Fact>> byKind, Class<T> kind) {
		return (List<T>) (List<?>) byKind.getOrDefault(kind, List.of());
	}

	private static <T> List<T> sorted(List<T> rows, Comparator<T> order) {
		List<T> copy = new ArrayList<>(rows);
		copy.sort(order);
		return copy;
	}

	/** A column as a text array (PostgreSQL casts it to the column's type). */
	private static <T> String[] texts(List<T> rows, Function<T, Object> column) {
		String[] values = new String[rows.size()];
		for (int i = 0; i < values.length; i++) {
			Object value = column.apply(rows.get(i));
			values[i] = (value != null) ? value.toString() : null;
		}
		return values;
	}

	/** Sums of one batch, written as one append-only row per unit, metric and year. */
	private final class Sums {

		private final Map<String, long[]> sums = new TreeMap<>();

		void add(String unit, String metric, int year, long amount) {
			this.sums.computeIfAbsent(unit + "|" + metric + "|" + year, (k) -> new long[1])[0] += amount;
		}

		void write() {
			List<String[]> rows = new ArrayList<>();
			this.sums.forEach((key, sum) -> {
				if (sum[0] != 0) {
					String[] parts = key.split("\\|");
					rows.add(new String[] { parts[0], parts[1], parts[2], Long.toString(sum[0]) });
				}
			});
			if (rows.isEmpty()) {
				return;
			}
			ReadModelWriter.this.jdbc.sql("""
					insert into rm_delta (unit_code, metric, year, amount)
					select * from unnest(?::text[], ?::text[], ?::int[], ?::bigint[])""")
				.params(texts(rows, (r) -> r[0]), texts(rows, (r) -> r[1]), texts(rows, (r) -> r[2]),
						texts(rows, (r) -> r[3]))
				.update();
		}

	}

}
