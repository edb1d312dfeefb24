package cn.resettlement.reporting.ingest;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import tools.jackson.databind.JsonNode;

import cn.resettlement.platform.events.CloudEvent;
import cn.resettlement.platform.events.MalformedEventException;
import cn.resettlement.reporting.figures.Deltas;

/**
 * Turns a consumed event into the facts it contributes (pure: no database). The fields
 * read are listed per type in docs/reporting-service.md; anything missing or of the wrong
 * kind makes the event malformed. Types this consumer does not know (or newer versions)
 * give {@code null}: skipped and counted, never guessed at.
 */
final class EventParser {

	static final String FUNDS_CATEGORIES = "FIRST_BATCH|WITHIN_600|KEY_VILLAGE|PROMINENT_ISSUES|THREE_GORGES|"
			+ "HARDSHIP_AID|PROMINENT_ISSUE_PROJECTS|OTHER";

	private static final Set<String> ALLOCATION_CATEGORIES = Set.of(FUNDS_CATEGORIES.split("\\|"));

	private static final Set<String> PROJECT_TYPES = Set.of("INFRASTRUCTURE", "INDUSTRY", "KEY_VILLAGE", "THREE_GORGES",
			"PROMINENT_ISSUES", "HARDSHIP_AID", "RISK_RELOCATION", "OTHER");

	private static final Set<String> CLASS_CATEGORIES = Set.of("AGRICULTURAL", "EMPLOYMENT", "LEADER");

	private static final Set<String> PETITION_CATEGORIES = Set.of("HOMESTEAD", "LIVELIHOOD", "ROAD",
			"HOUSEHOLD_REGISTRATION", "SUBSIDY", "OTHER");

	private static final Set<String> CHANNELS = Set.of("VISIT", "LETTER", "PHONE", "ONLINE");

	private static final Set<String> ADJUSTMENT_TYPES = Set.of("ADDITION", "DEATH", "MOVED_OUT", "DUPLICATE",
			"DISQUALIFIED", "REINSTATED");

	private static final Set<String> STATUSES = Set.of("ACTIVE", "REMOVED");

	private static final Set<String> SATISFACTION = Set.of("SATISFIED", "BASICALLY_SATISFIED", "DISSATISFIED");

	/** Known types that nothing in the report is counted from. */
	private static final Set<String> NOT_COUNTED = Set.of("resettlement.population.HouseholdRegistered.v1",
			"resettlement.population.MigrantCorrected.v1", "resettlement.subsidy.SubsidyBatchApproved.v1",
			"resettlement.subsidy.SubsidyBatchClosed.v1", "resettlement.training.TrainingClassOpened.v1",
			"resettlement.training.TraineeEnrolled.v1", "resettlement.petition.PetitionExtended.v1",
			"resettlement.petition.PetitionReplied.v1", "resettlement.petition.PetitionReviewRequested.v1",
			"resettlement.petition.PetitionReviewDecided.v1", "resettlement.petition.PetitionOverdue.v1");

	private static final long MAX_FEN = 100_000_000_000_000L;

	private final Map<String, Function<CloudEvent, List<Fact>>> parsers = new HashMap<>();

	EventParser() {
		on("population.MigrantRegistered", this::migrantRegistered);
		on("population.MigrantAdjusted", this::migrantAdjusted);
		on("subsidy.SubsidyPolicySet", this::policySet);
		on("subsidy.SubsidyPaid", this::subsidyPaid);
		on("subsidy.SubsidyPaymentFailed", this::subsidyFailed);
		on("subsidy.OverpaymentClaimOpened", (e) -> List.of(amount(e, Deltas.OVERPAYMENT_OPENED, "openedOn")));
		on("subsidy.OverpaymentClaimAdjusted", this::claimAdjusted);
		on("subsidy.OverpaymentRecovered", (e) -> List.of(amount(e, Deltas.OVERPAYMENT_RECOVERED, "recoveredOn")));
		on("subsidy.OverpaymentWrittenOff", (e) -> List.of(amount(e, Deltas.OVERPAYMENT_WRITTEN_OFF, "writtenOffOn")));
		on("project.FundAllocated", this::fundAllocated);
		on("project.ProjectProposed", this::projectProposed);
		on("project.ProjectFunded", (e) -> List.of(funding(e)));
		on("project.ProjectApproved", (e) -> List.of(funding(e)));
		on("project.ProjectStarted", this::projectStarted);
		on("project.ProjectProgressReported", this::progressReported);
		on("project.ProjectFundsDisbursed", this::fundsDisbursed);
		on("project.ProjectCompleted", (e) -> List.of(closing(e, true, false)));
		on("project.ProjectAccepted", (e) -> List.of(closing(e, true, true)));
		on("project.ProjectCancelled", this::projectCancelled);
		on("project.AssetIncomeRecorded", this::assetIncome);
		on("project.DividendPaid", this::dividend);
		on("training.TrainingClassCompleted", this::classCompleted);
		on("training.TrainingClassCancelled", this::classCancelled);
		on("training.TrainingFundsDisbursed", this::trainingDisbursed);
		on("training.VocationalSubsidyGranted", this::vocationalGrant);
		on("training.TrainingPlanSet", this::trainingPlan);
		on("petition.PetitionRegistered",
				(e) -> List.of(petition(e).with(true, false, null, false, null, false, null)));
		on("petition.PetitionAccepted",
				(e) -> List.of(petition(e).with(false, true, bool(e, "acceptedOnTime"), false, null, false, null)));
		on("petition.PetitionRejected",
				(e) -> List.of(petition(e).with(false, false, null, true, bool(e, "decidedOnTime"), false, null)));
		on("petition.PetitionClosed", (e) -> List
			.of(petition(e).with(false, true, null, false, null, true, oneOf(e, "satisfaction", SATISFACTION))));
		NOT_COUNTED.forEach((type) -> this.parsers.put(type, (e) -> List.of()));
	}

	private void on(String name, Function<CloudEvent, List<Fact>> parser) {
		this.parsers.put("resettlement." + name + ".v1", parser);
	}

	/**
	 * The facts of an event: empty for a known type nothing is counted from, {@code null}
	 * for a type or version this consumer does not handle.
	 * @throws MalformedEventException when a field the report needs is missing or wrong
	 */
	List<Fact> parse(CloudEvent event) {
		Function<CloudEvent, List<Fact>> parser = this.parsers.get(event.type());
		if (parser == null) {
			return null;
		}
		if (event.unitcode() == null || !event.unitcode().matches("[0-9]{6}")) {
			throw new MalformedEventException(event, "unitcode is not a 6-digit code");
		}
		try {
			return parser.apply(event);
		}
		catch (IllegalArgumentException | ArithmeticException | NullPointerException ex) {
			throw new MalformedEventException(event, ex.getMessage());
		}
	}

	// population

	private List<Fact> migrantRegistered(CloudEvent e) {
		return List.of(new Fact.MigrantRegistered(e.unitcode(), uuid(e, "migrantId"), date(e, "activeFrom")));
	}

	private List<Fact> migrantAdjusted(CloudEvent e) {
		return List.of(new Fact.MigrantAdjusted(e.unitcode(), uuid(e, "adjustmentId"), uuid(e, "migrantId"),
				oneOf(e, "type", ADJUSTMENT_TYPES), date(e, "effectiveDate"), date(e, "decidedOn"),
				oneOf(e, "previousStatus", STATUSES), oneOf(e, "newStatus", STATUSES), e.time()));
	}

	// subsidy

	private List<Fact> policySet(CloudEvent e) {
		return List.of(new Fact.PolicySet(e.unitcode(), year(e, "year"), fen(e, "annualAmountFen"),
				oneOf(e, "frequency", Set.of("ANNUAL", "SEMIANNUAL", "QUARTERLY")), e.time()));
	}

	private List<Fact> subsidyPaid(CloudEvent e) {
		return List.of(new Fact.SubsidyPaid(e.unitcode(), year(e, "year"), uuid(e, "migrantId"), fen(e, "amountFen"),
				e.textOrNull("reissueOf") != null));
	}

	private List<Fact> subsidyFailed(CloudEvent e) {
		return List.of(new Fact.SubsidyFailed(e.unitcode(), year(e, "year"), fen(e, "amountFen"),
				e.textOrNull("reissueOf") != null));
	}

	private List<Fact> claimAdjusted(CloudEvent e) {
		long released = fen(e, "previousAmountFen") - fen(e, "amountFen");
		if (released < 0) {
			throw new MalformedEventException(e, "a claim adjustment increased the claim");
		}
		return List
			.of(new Fact.Amount(e.unitcode(), Deltas.OVERPAYMENT_RELEASED, date(e, "adjustedOn").getYear(), released));
	}

	private Fact.Amount amount(CloudEvent e, String metric, String dateField) {
		return new Fact.Amount(e.unitcode(), metric, date(e, dateField).getYear(), fen(e, "amountFen"));
	}

	// project

	private List<Fact> fundAllocated(CloudEvent e) {
		return List.of(new Fact.FundAllocated(e.unitcode(), uuid(e, "allocationId"), year(e, "year"),
				oneOf(e, "category", ALLOCATION_CATEGORIES), text(e, "documentNo"), text(e, "title"),
				fen(e, "amountFen"), date(e, "issuedOn")));
	}

	private Fact.Project project(CloudEvent e) {
		return Fact.Project.of(e.unitcode(), uuid(e, "projectId"), year(e, "year"), text(e, "code"),
				oneOf(e, "type", PROJECT_TYPES), township(e));
	}

	private Fact.Project funding(CloudEvent e) {
		Fact.Project p = project(e);
		return new Fact.Project(p.unit(), p.projectId(), p.year(), p.code(), null, p.type(), p.townshipCode(), null,
				false, false, false, false, 0, 0, 0, fen(e, "fundingTotalFen"), 0, null, null);
	}

	private List<Fact> projectProposed(CloudEvent e) {
		Fact.Project p = funding(e);
		return List.of(new Fact.Project(p.unit(), p.projectId(), p.year(), p.code(), text(e, "name"), p.type(),
				p.townshipCode(), e.textOrNull("village"), false, false, false, false, 0, 0, 0, p.fundingFen(), 0,
				optionalInt(e, "relocatedHouseholds"), optionalInt(e, "relocatedPersons")));
	}

	private List<Fact> projectStarted(CloudEvent e) {
		Fact.Project p = funding(e);
		return List.of(new Fact.Project(p.unit(), p.projectId(), p.year(), p.code(), null, p.type(), p.townshipCode(),
				e.textOrNull("village"), true, false, false, false, 0, 0, 0, p.fundingFen(), 0,
				optionalInt(e, "relocatedHouseholds"), optionalInt(e, "relocatedPersons")));
	}

	private List<Fact> progressReported(CloudEvent e) {
		Fact.Project p = project(e);
		int sequence = (int) positive(e, "sequence");
		return List.of(new Fact.Project(p.unit(), p.projectId(), p.year(), p.code(), null, p.type(), p.townshipCode(),
				null, false, false, false, false, sequence, fen(e, "investmentCompletedFen"), 0, 0, 0, null, null));
	}

	private List<Fact> fundsDisbursed(CloudEvent e) {
		Fact.Project p = project(e);
		return List.of(new Fact.Project(p.unit(), p.projectId(), p.year(), p.code(), null, p.type(), p.townshipCode(),
				null, false, false, false, false, 0, 0, 0, fen(e, "fundingTotalFen"), fen(e, "disbursedTotalFen"), null,
				null));
	}

	/** Completed or accepted: the project reached IN_PROGRESS and beyond. */
	private Fact.Project closing(CloudEvent e, boolean completed, boolean accepted) {
		Fact.Project p = project(e);
		return new Fact.Project(p.unit(), p.projectId(), p.year(), p.code(), null, p.type(), p.townshipCode(), null,
				true, completed, accepted, false, 0, 0, fen(e, "investmentCompletedFen"), 0,
				fen(e, "disbursedTotalFen"), null, null);
	}

	private List<Fact> projectCancelled(CloudEvent e) {
		Fact.Project p = project(e);
		oneOf(e, "previousStatus", Set.of("PROPOSED", "APPROVED", "IN_PROGRESS"));
		return List.of(new Fact.Project(p.unit(), p.projectId(), p.year(), p.code(), null, p.type(), p.townshipCode(),
				null, false, false, false, true, 0, 0, 0, 0, fen(e, "disbursedTotalFen"), null, null));
	}

	private List<Fact> assetIncome(CloudEvent e) {
		return List.of(new Fact.AssetIncome(e.unitcode(), uuid(e, "incomeId"), uuid(e, "assetId"), text(e, "asset"),
				year(e, "year"), fen(e, "amountFen"), date(e, "receivedOn")));
	}

	private List<Fact> dividend(CloudEvent e) {
		return List.of(new Fact.Dividend(e.unitcode(), uuid(e, "dividendId"), uuid(e, "assetId"), text(e, "asset"),
				year(e, "year"), fen(e, "amountFen"), date(e, "paidOn"), (int) positive(e, "recipients")));
	}

	// training

	private List<Fact> classCompleted(CloudEvent e) {
		int completed = (int) count(e, "personsCompleted");
		JsonNode trainees = e.required("trainees");
		if (!trainees.isArray() || trainees.size() != completed) {
			throw new MalformedEventException(e, "data.trainees does not list personsCompleted trainees");
		}
		return List.of(new Fact.TrainingClass(e.unitcode(), uuid(e, "classId"), oneOf(e, "category", CLASS_CATEGORIES),
				year(e, "year"), text(e, "title"), true, false, (int) count(e, "personsEnrolled"), completed));
	}

	private List<Fact> classCancelled(CloudEvent e) {
		return List.of(new Fact.TrainingClass(e.unitcode(), uuid(e, "classId"), oneOf(e, "category", CLASS_CATEGORIES),
				year(e, "year"), null, false, true, (int) count(e, "personsEnrolled"), 0));
	}

	private List<Fact> trainingDisbursed(CloudEvent e) {
		return List.of(new Fact.TrainingDisbursed(e.unitcode(), uuid(e, "disbursementId"), uuid(e, "classId"),
				oneOf(e, "category", CLASS_CATEGORIES), year(e, "classYear"), fen(e, "amountFen")));
	}

	private List<Fact> vocationalGrant(CloudEvent e) {
		return List.of(new Fact.VocationalGrant(e.unitcode(), uuid(e, "grantId"), uuid(e, "migrantId"), year(e, "year"),
				fen(e, "amountFen"), bool(e, "lateClaim")));
	}

	private List<Fact> trainingPlan(CloudEvent e) {
		JsonNode categories = e.required("categories");
		if (!categories.isArray()) {
			throw new MalformedEventException(e, "data.categories is not a list");
		}
		List<String> lines = new ArrayList<>();
		for (JsonNode category : categories) {
			String name = category.path("category").asString("");
			JsonNode classes = category.path("plannedClasses");
			JsonNode persons = category.path("plannedPersonTimes");
			if (!CLASS_CATEGORIES.contains(name) || !classes.isIntegralNumber() || !persons.isIntegralNumber()
					|| classes.asLong() < 0 || persons.asLong() < 0) {
				throw new MalformedEventException(e, "data.categories has a malformed entry");
			}
			lines.add(name + ":" + classes.asLong() + ":" + persons.asLong());
		}
		return List.of(new Fact.TrainingPlan(e.unitcode(), year(e, "year"),
				String.join(",", lines.stream().sorted().toList()), e.time()));
	}

	// petitions

	private Fact.Petition petition(CloudEvent e) {
		return Fact.Petition.of(e.unitcode(), uuid(e, "petitionId"), date(e, "receivedOn"),
				(int) positive(e, "personCount"), oneOf(e, "category", PETITION_CATEGORIES),
				oneOf(e, "channel", CHANNELS), bool(e, "collective"));
	}

	// field readers

	private static String text(CloudEvent e, String field) {
		JsonNode node = e.required(field);
		if (!node.isString() || node.asString().isBlank()) {
			throw new MalformedEventException(e, "data." + field + " is not a text");
		}
		return node.asString();
	}

	private static String oneOf(CloudEvent e, String field, Set<String> allowed) {
		String value = text(e, field);
		if (!allowed.contains(value)) {
			throw new MalformedEventException(e, "data." + field + " is " + value);
		}
		return value;
	}

	private static String township(CloudEvent e) {
		String code = text(e, "townshipCode");
		if (!code.matches("[0-9]{9}")) {
			throw new MalformedEventException(e, "data.townshipCode is not a 9-digit code");
		}
		return code;
	}

	private static UUID uuid(CloudEvent e, String field) {
		try {
			return UUID.fromString(text(e, field));
		}
		catch (IllegalArgumentException ex) {
			throw new MalformedEventException(e, "data." + field + " is not a UUID");
		}
	}

	private static LocalDate date(CloudEvent e, String field) {
		try {
			return LocalDate.parse(text(e, field));
		}
		catch (DateTimeParseException ex) {
			throw new MalformedEventException(e, "data." + field + " is not a date");
		}
	}

	private static int year(CloudEvent e, String field) {
		long year = e.number(field);
		if (year < 2000 || year > 2100) {
			throw new MalformedEventException(e, "data." + field + " is not a year");
		}
		return (int) year;
	}

	/**
	 * Money in fen: an integer, never negative, below a trillion yuan (sums stay exact).
	 */
	private static long fen(CloudEvent e, String field) {
		long value = e.number(field);
		if (value < 0) {
			throw new MalformedEventException(e, "data." + field + " is negative");
		}
		if (value > MAX_FEN) {
			throw new MalformedEventException(e, "data." + field + " is beyond any amount a county handles");
		}
		return value;
	}

	private static long count(CloudEvent e, String field) {
		return fen(e, field);
	}

	private static long positive(CloudEvent e, String field) {
		long value = e.number(field);
		if (value < 1 || value > Integer.MAX_VALUE) {
			throw new MalformedEventException(e, "data." + field + " is not a positive count");
		}
		return value;
	}

	private static Integer optionalInt(CloudEvent e, String field) {
		JsonNode node = e.data().get(field);
		if (node == null || node.isNull()) {
			return null;
		}
		if (!node.isIntegralNumber() || node.asLong() < 0 || node.asLong() > Integer.MAX_VALUE) {
			throw new MalformedEventException(e, "data." + field + " is not a count");
		}
		return node.asInt();
	}

	private static boolean bool(CloudEvent e, String field) {
		JsonNode node = e.required(field);
		if (!node.isBoolean()) {
			throw new MalformedEventException(e, "data." + field + " is not true or false");
		}
		return node.asBoolean();
	}

}
