package cn.resettlement.reporting.ingest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/**
 * What an event contributes to the read models, in the read model's terms. Facts of one
 * aggregate merge commutatively ({@link Mergeable}), so the figures do not depend on the
 * order events arrive in.
 */
sealed interface Fact {

	String unit();

	/** A fact that is one row per aggregate, merged from several events. */
	interface Mergeable<T extends Mergeable<T>> {

		Object key();

		T merge(T other);

	}

	// population

	record MigrantRegistered(String unit, UUID migrantId, LocalDate activeFrom) implements Fact {
	}

	record MigrantAdjusted(String unit, UUID adjustmentId, UUID migrantId, String type, LocalDate effectiveDate,
			LocalDate decidedOn, String previousStatus, String newStatus, Instant eventTime) implements Fact {
	}

	// subsidy

	record PolicySet(String unit, int year, long annualAmountFen, String frequency,
			Instant eventTime) implements Fact, Mergeable<PolicySet> {

		@Override
		public Object key() {
			return new YearKey(this.unit, this.year);
		}

		/** The policy set last (by commit time) wins. */
		@Override
		public PolicySet merge(PolicySet other) {
			return Newest.of(this, other, PolicySet::eventTime);
		}

	}

	record SubsidyPaid(String unit, int year, UUID migrantId, long amountFen, boolean reissue) implements Fact {
	}

	record SubsidyFailed(String unit, int year, long amountFen, boolean reissue) implements Fact {
	}

	/** An amount by the year of its business date, summed into {@code rm_delta}. */
	record Amount(String unit, String metric, int year, long amount) implements Fact {
	}

	// project

	record FundAllocated(String unit, UUID allocationId, int year, String category, String documentNo, String title,
			long amountFen, LocalDate issuedOn) implements Fact {
	}

	/**
	 * What one project event says about its project; {@code null} and {@code false} mean
	 * "this event does not say".
	 */
	record Project(String unit, UUID projectId, int year, String code, String name, String type, String townshipCode,
			String village, boolean started, boolean completed, boolean accepted, boolean cancelled,
			int progressSequence, long progressInvestmentFen, long closingInvestmentFen, long fundingFen,
			long disbursedFen, Integer relocatedHouseholds,
			Integer relocatedPersons) implements Fact, Mergeable<Project> {

		static Project of(String unit, UUID projectId, int year, String code, String type, String townshipCode) {
			return new Project(unit, projectId, year, code, null, type, townshipCode, null, false, false, false, false,
					0, 0, 0, 0, 0, null, null);
		}

		@Override
		public Object key() {
			return new IdKey(this.unit, this.projectId);
		}

		@Override
		public Project merge(Project o) {
			boolean mineLater = this.progressSequence >= o.progressSequence;
			return new Project(this.unit, this.projectId, Math.max(this.year, o.year), max(this.code, o.code),
					max(this.name, o.name), max(this.type, o.type), max(this.townshipCode, o.townshipCode),
					max(this.village, o.village), this.started || o.started, this.completed || o.completed,
					this.accepted || o.accepted, this.cancelled || o.cancelled,
					Math.max(this.progressSequence, o.progressSequence),
					mineLater ? this.progressInvestmentFen : o.progressInvestmentFen,
					Math.max(this.closingInvestmentFen, o.closingInvestmentFen),
					Math.max(this.fundingFen, o.fundingFen), Math.max(this.disbursedFen, o.disbursedFen),
					max(this.relocatedHouseholds, o.relocatedHouseholds),
					max(this.relocatedPersons, o.relocatedPersons));
		}

		Project started(boolean started) {
			return new Project(this.unit, this.projectId, this.year, this.code, this.name, this.type, this.townshipCode,
					this.village, started, this.completed, this.accepted, this.cancelled, this.progressSequence,
					this.progressInvestmentFen, this.closingInvestmentFen, this.fundingFen, this.disbursedFen,
					this.relocatedHouseholds, this.relocatedPersons);
		}

	}

	record AssetIncome(String unit, UUID incomeId, UUID assetId, String asset, int year, long amountFen,
			LocalDate receivedOn) implements Fact {
	}

	record Dividend(String unit, UUID dividendId, UUID assetId, String asset, int year, long amountFen,
			LocalDate paidOn, int recipients) implements Fact {
	}

	// training

	record TrainingClass(String unit, UUID classId, String category, int year, String title, boolean completed,
			boolean cancelled, int personsEnrolled, int personsCompleted) implements Fact, Mergeable<TrainingClass> {

		@Override
		public Object key() {
			return new IdKey(this.unit, this.classId);
		}

		@Override
		public TrainingClass merge(TrainingClass o) {
			return new TrainingClass(this.unit, this.classId, max(this.category, o.category),
					Math.max(this.year, o.year), max(this.title, o.title), this.completed || o.completed,
					this.cancelled || o.cancelled, Math.max(this.personsEnrolled, o.personsEnrolled),
					Math.max(this.personsCompleted, o.personsCompleted));
		}

	}

	record TrainingDisbursed(String unit, UUID disbursementId, UUID classId, String category, int classYear,
			long amountFen) implements Fact {
	}

	record VocationalGrant(String unit, UUID grantId, UUID migrantId, int year, long amountFen,
			boolean lateClaim) implements Fact {
	}

	record TrainingPlan(String unit, int year, String categories,
			Instant eventTime) implements Fact, Mergeable<TrainingPlan> {

		@Override
		public Object key() {
			return new YearKey(this.unit, this.year);
		}

		/** The plan set last (by commit time) replaces earlier ones. */
		@Override
		public TrainingPlan merge(TrainingPlan other) {
			return Newest.of(this, other, TrainingPlan::eventTime);
		}

	}

	// petitions

	record Petition(String unit, UUID petitionId, LocalDate receivedOn, int personCount, String category,
			String channel, boolean collective, boolean registered, boolean accepted, Boolean acceptedOnTime,
			boolean rejected, Boolean rejectedOnTime, boolean closed,
			String satisfaction) implements Fact, Mergeable<Petition> {

		static Petition of(String unit, UUID petitionId, LocalDate receivedOn, int personCount, String category,
				String channel, boolean collective) {
			return new Petition(unit, petitionId, receivedOn, personCount, category, channel, collective, false, false,
					null, false, null, false, null);
		}

		@Override
		public Object key() {
			return new IdKey(this.unit, this.petitionId);
		}

		@Override
		public Petition merge(Petition o) {
			return new Petition(this.unit, this.petitionId, max(this.receivedOn, o.receivedOn),
					Math.max(this.personCount, o.personCount), max(this.category, o.category),
					max(this.channel, o.channel), this.collective || o.collective, this.registered || o.registered,
					this.accepted || o.accepted, max(this.acceptedOnTime, o.acceptedOnTime),
					this.rejected || o.rejected, max(this.rejectedOnTime, o.rejectedOnTime), this.closed || o.closed,
					max(this.satisfaction, o.satisfaction));
		}

		Petition with(boolean registered, boolean accepted, Boolean acceptedOnTime, boolean rejected,
				Boolean rejectedOnTime, boolean closed, String satisfaction) {
			return new Petition(this.unit, this.petitionId, this.receivedOn, this.personCount, this.category,
					this.channel, this.collective, registered, accepted, acceptedOnTime, rejected, rejectedOnTime,
					closed, satisfaction);
		}

	}

	record IdKey(String unit, UUID id) {
	}

	record YearKey(String unit, int year) {
	}

	/**
	 * The larger of two values where either may be missing: a deterministic choice, so
	 * the merge is commutative even if two events disagreed.
	 */
	static <C extends Comparable<? super C>> C max(C a, C b) {
		if (a == null) {
			return b;
		}
		if (b == null) {
			return a;
		}
		return (a.compareTo(b) >= 0) ? a : b;
	}

	/** Picks the later of two versions; equal times fall back to a stable order. */
	final class Newest {

		private Newest() {
		}

		static <T> T of(T a, T b, java.util.function.Function<T, Instant> time) {
			int order = time.apply(a).compareTo(time.apply(b));
			if (order != 0) {
				return (order > 0) ? a : b;
			}
			return (Objects.toString(a).compareTo(Objects.toString(b)) >= 0) ? a : b;
		}

	}

}
