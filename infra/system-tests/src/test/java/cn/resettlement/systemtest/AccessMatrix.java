package cn.resettlement.systemtest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.function.Supplier;

import tools.jackson.databind.JsonNode;

import cn.resettlement.systemtest.Register.Person;
import cn.resettlement.systemtest.YearDrive.Ledger;
import cn.resettlement.testsupport.TestTokens;

import static cn.resettlement.systemtest.YearDrive.PETITIONS;
import static cn.resettlement.systemtest.YearDrive.POPULATION;
import static cn.resettlement.systemtest.YearDrive.PROJECTS;
import static cn.resettlement.systemtest.YearDrive.REPORTS;
import static cn.resettlement.systemtest.YearDrive.SUBSIDIES;
import static cn.resettlement.systemtest.YearDrive.TRAINING;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 3, through the gateway with the real services: who may do what, for every route
 * family (population, subsidies, projects, training, petitions, reports), as ADMIN,
 * STAFF, a township officer on their own township's records, the same officer on another
 * township's records, AUDITOR (read-only) and a token whose only role is unknown to the
 * platform. Each row is one operation (a list read, a read by id, writes, a centre-only
 * or admin-only operation), each cell the status the contract (api.md, the services'
 * {@code @PreAuthorize} and township rules) gives that caller.
 * <p>
 * Refused cells run first; a read of the row's probe before and after them must be
 * identical (a refused write changed nothing). Allowed writes are real and valid, and
 * chosen not to touch the year 2024 the other tests check: records of 2021 (households,
 * projects, allocations, a class with its enrolments, a training plan, petitions), the
 * subsidy policy of 2031, the report of 2019 closed, identical re-puts of the unit
 * profile and the 2024 narrative, and - changing state that exists - two one-yuan
 * recoveries and two write-offs of the still-open claims, dated today (the report counts
 * them in today's year). It runs after every check of the year for that reason.
 */
final class AccessMatrix {

	/** Who calls. */
	enum Who {

		ADMIN("ADMIN"), STAFF("STAFF"), OWN("OFFICER own"), OTHER("OFFICER other"), AUDITOR("AUDITOR"),
		NO_ROLE("no known role");

		final String label;

		Who(String label) {
			this.label = label;
		}

	}

	/** Year of the records the allowed writes create: not the year under test. */
	static final int W = 2021;

	static final String OWN_TOWNSHIP = Register.JIULONGLING;

	static final String OTHER_TOWNSHIP = Register.SHASHI;

	private static final Gateway ADMIN = YearDrive.DIRECTOR;

	private static final Gateway STAFF = YearDrive.user("matrix-staff", TestTokens.staff("matrix-staff"));

	private static final Gateway OFFICER = YearDrive.OFFICER;

	private static final Gateway AUDITOR = YearDrive.user("matrix-auditor", TestTokens.auditor("matrix-auditor"));

	/** A valid token whose only role the platform does not know. */
	private static final Gateway NO_ROLE = YearDrive.user("matrix-guest",
			TestTokens.builder("matrix-guest", null).claim("roles", List.of("GUEST")).sign());

	private static final AtomicInteger SERIAL = new AtomicInteger();

	private final Ledger ledger;

	private final List<Row> rows = new ArrayList<>();

	/** What the allowed writes created, by a key of the row and caller. */
	private final Map<String, String> created = new LinkedHashMap<>();

	private final List<String> mismatches = new ArrayList<>();

	AccessMatrix(Ledger ledger) {
		this.ledger = ledger;
	}

	static Gateway as(Who who) {
		return switch (who) {
			case ADMIN -> ADMIN;
			case STAFF -> STAFF;
			case OWN, OTHER -> OFFICER;
			case AUDITOR -> AUDITOR;
			case NO_ROLE -> NO_ROLE;
		};
	}

	/** The township a township-scoped request of this caller is about. */
	static String township(Who who) {
		return (who == Who.OTHER) ? OTHER_TOWNSHIP : OWN_TOWNSHIP;
	}

	static String today() {
		return LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
	}

	/**
	 * One operation.
	 *
	 * @param family route family
	 * @param operation method and path (template)
	 * @param kind list / read / write / centre / admin
	 * @param expected expected status per caller ({@code null}: not sent, see note)
	 * @param send sends it as a caller
	 * @param probe a read whose answer a refused call must not change (or {@code null})
	 * @param note why a cell is what it is
	 * @param actual what was answered
	 */
	record Row(String family, String operation, String kind, Map<Who, Integer> expected,
			BiFunction<Who, Gateway, Gateway.Response> send, Supplier<String> probe, String note,
			Map<Who, Integer> actual) {
	}

	/**
	 * @param spec six statuses in {@link Who} order, {@code -} for a cell not sent
	 */
	private void row(String family, String operation, String kind, String spec,
			BiFunction<Who, Gateway, Gateway.Response> send, Supplier<String> probe, String note) {
		String[] cells = spec.trim().split("\\s+");
		assertThat(cells).hasSize(Who.values().length);
		Map<Who, Integer> expected = new EnumMap<>(Who.class);
		for (Who who : Who.values()) {
			String cell = cells[who.ordinal()];
			expected.put(who, cell.equals("-") ? null : Integer.valueOf(cell));
		}
		Row row = new Row(family, operation, kind, expected, send, probe, note, new EnumMap<>(Who.class));
		this.rows.add(row);
		run(row);
	}

	private void run(Row row) {
		String before = (row.probe() != null) ? row.probe().get() : null;
		for (Who who : Who.values()) {
			Integer expected = row.expected().get(who);
			if (expected != null && expected >= 400) {
				cell(row, who);
			}
		}
		if (row.probe() != null) {
			String after = row.probe().get();
			if (!Objects.equals(before, after)) {
				this.mismatches.add(row.family() + " " + row.operation()
						+ ": a refused call changed what the probe reads:\n  before " + before + "\n  after  " + after);
			}
		}
		for (Who who : Who.values()) {
			Integer expected = row.expected().get(who);
			if (expected != null && expected < 400) {
				cell(row, who);
			}
		}
	}

	private void cell(Row row, Who who) {
		Gateway.Response response = row.send().apply(who, as(who));
		row.actual().put(who, response.status());
		Integer expected = row.expected().get(who);
		if (response.status() != expected) {
			this.mismatches.add(row.family() + " " + row.operation() + " as " + who.label + ": expected " + expected
					+ ", got " + response);
		}
		else if (response.status() >= 400
				&& !String.valueOf(response.header("Content-Type")).startsWith("application/problem+json")) {
			this.mismatches.add(row.family() + " " + row.operation() + " as " + who.label + ": " + response.status()
					+ " without application/problem+json (" + response.header("Content-Type") + ")");
		}
	}

	/** Runs every row; returns the table. */
	String run() {
		population();
		subsidies();
		projects();
		training();
		petitions();
		reports();
		return table();
	}

	/**
	 * What the allowed writes created: {@code project:ADMIN}, {@code class:ADMIN}, ... →
	 * id.
	 */
	Map<String, String> created() {
		return this.created;
	}

	List<String> mismatches() {
		return this.mismatches;
	}

	int cells() {
		return (int) this.rows.stream().mapToLong((r) -> r.actual().size()).sum();
	}

	// population

	private void population() {
		Person own = Register.person(0);
		Person other = Register.person(4);
		assertThat(own.township()).isEqualTo(OWN_TOWNSHIP);
		assertThat(other.township()).isEqualTo(OTHER_TOWNSHIP);
		Map<String, String> ids = YearDrive.migrantIds(YearDrive.POPULATION_CLERK, List.of(own, other));
		row("population", "GET /population/migrants?townshipCode=", "list", "200 200 200 403 200 403",
				(who, as) -> as.get(POPULATION + "/migrants?size=1&townshipCode=" + township(who)), null, "");
		row("population", "GET /population/migrants/{id}", "read", "200 200 200 403 200 403",
				(who, as) -> as
					.get(POPULATION + "/migrants/" + ids.get((who == Who.OTHER) ? other.idNumber() : own.idNumber())),
				null, "");
		row("population", "GET /population/migrants/{id}/adjustments", "read", "200 200 200 403 200 403",
				(who, as) -> as.get(POPULATION + "/migrants/"
						+ ids.get((who == Who.OTHER) ? other.idNumber() : own.idNumber()) + "/adjustments"),
				null, "");
		row("population", "POST /population/households", "write", "201 201 201 403 403 403",
				(who, as) -> as.post(POPULATION + "/households",
						Map.of("householdNo", "MX" + W + "-" + who.name() + "-" + SERIAL.incrementAndGet(),
								"townshipCode", township(who), "village", "矩阵村", "reservoir", "石门水库", "areaType",
								"RESERVOIR_AREA", "relocatedOn", W + "-05-01", "address", "矩阵村1号")),
				() -> total(ADMIN, POPULATION + "/households?size=1"), "a new household of " + W + ", no members");
		row("population", "GET /population/roster?asOf=", "centre", "200 200 403 403 403 403",
				(who, as) -> as.get(POPULATION + "/roster?asOf=" + W + "-01-01&limit=1"), null,
				"the eligible roster, for subsidy-service and the centre");
		row("population", "POST /population/snapshots", "admin", "- 403 403 403 403 403",
				(who, as) -> as.post(POPULATION + "/snapshots", Map.of()), null,
				"ADMIN not sent: it publishes every person of the register");
	}

	// subsidies

	private void subsidies() {
		String batch = this.ledger.batchId;
		JsonNode ownClaim = this.ledger.claims.values()
			.stream()
			.filter((c) -> c.at("/townshipCode").asString().equals(OWN_TOWNSHIP))
			.findFirst()
			.orElseThrow();
		String openClaim = this.ledger.openClaim;
		String partClaim = null;
		String reissue = null;
		for (JsonNode c : TheYearEndToEndSystemTests.allPages(ADMIN, SUBSIDIES + "/overpayments?")) {
			if (c.at("/outstanding").decimalValue().signum() > 0 && !c.at("/id").asString().equals(openClaim)) {
				partClaim = c.at("/id").asString();
			}
		}
		for (JsonNode b : ADMIN.get(SUBSIDIES + "/batches?year=" + YearDrive.Y + "&size=50").json().at("/items")) {
			if (!b.at("/id").asString().equals(batch)) {
				reissue = b.at("/id").asString();
			}
		}
		assertThat(partClaim).as("the part-recovered claim").isNotNull();
		assertThat(reissue).as("the re-issue batch").isNotNull();
		String partial = partClaim;
		String reissueBatch = reissue;
		row("subsidies", "GET /subsidies/batches/{id}/lines?townshipCode=", "list", "200 200 200 403 200 403",
				(who, as) -> as.get(SUBSIDIES + "/batches/" + batch + "/lines?size=1&townshipCode=" + township(who)),
				null, "");
		row("subsidies", "GET /subsidies/overpayments/{id}", "read", "200 200 200 403 200 403", (who, as) -> as
			.get(SUBSIDIES + "/overpayments/" + ((who == Who.OTHER) ? openClaim : ownClaim.at("/id").asString())), null,
				"");
		row("subsidies", "GET /subsidies/batches/{id}/bank-file", "centre", "409 409 403 403 403 403",
				(who, as) -> as.get(SUBSIDIES + "/batches/" + reissueBatch + "/bank-file?format=csv"), null,
				"both batches of the year are CLOSED: a bank file exists from approval until the results (409, past the "
						+ "role check)");
		row("subsidies", "POST /subsidies/overpayments/{id}/recoveries", "write", "201 201 409 403 403 403",
				(who, as) -> as.postOnce(
						SUBSIDIES + "/overpayments/" + ((who == Who.OWN) ? ownClaim.at("/id").asString() : openClaim)
								+ "/recoveries",
						Map.of("amount", 1, "recoveredOn", today(), "receiptNo", "MX-" + SERIAL.incrementAndGet())),
				() -> ADMIN.get(SUBSIDIES + "/overpayments/" + openClaim).at("/outstanding"),
				"1 yuan of the open claim (砂石镇), dated today; the officer's own claims are all recovered: 409 "
						+ "exceeds-outstanding, past the township check");
		row("subsidies", "POST /subsidies/overpayments/{id}/write-off", "centre", "200 200 403 403 403 403",
				(who, as) -> as.post(
						SUBSIDIES + "/overpayments/"
								+ ((who == Who.STAFF) ? partial
										: (who == Who.OWN) ? ownClaim.at("/id").asString() : openClaim)
								+ "/write-off",
						Map.of("writtenOffOn", today(), "reason", "访问矩阵核销")),
				() -> ADMIN.get(SUBSIDIES + "/overpayments/" + openClaim).at("/status") + " "
						+ ADMIN.get(SUBSIDIES + "/overpayments/" + partial).at("/status"),
				"ADMIN the open claim, STAFF the part-recovered one, dated today");
		STAFF.put(SUBSIDIES + "/policies/2031", Map.of("annualAmount", 600, "frequency", "ANNUAL"), null);
		row("subsidies", "PUT /subsidies/policies/{year}", "centre", "200 200 403 403 403 403",
				(who, as) -> as.put(SUBSIDIES + "/policies/2031", Map.of("annualAmount", 600, "frequency", "ANNUAL"),
						ADMIN.get(SUBSIDIES + "/policies/2031").header("ETag")),
				() -> ADMIN.get(SUBSIDIES + "/policies/2031").body(), "identical re-put of the 2031 policy");
		row("subsidies", "POST /subsidies/batches/{id}/approve", "centre", "409 409 403 403 403 403",
				(who, as) -> as.post(SUBSIDIES + "/batches/" + batch + "/approve", Map.of()),
				() -> ADMIN.get(SUBSIDIES + "/batches/" + batch).at("/status"),
				"the year's batch is CLOSED: ADMIN and STAFF pass the role check and meet the state (409)");
	}

	// projects

	private void projects() {
		String ownProject = this.ledger.projectIds.get("SD2024-ZD01");
		String otherProject = this.ledger.projectIds.get("SD2024-ZD02");
		row("projects", "GET /projects?townshipCode=", "list", "200 200 200 403 200 403",
				(who, as) -> as.get(PROJECTS + "?year=" + YearDrive.Y + "&size=1&townshipCode=" + township(who)), null,
				"");
		row("projects", "GET /projects/{id}", "read", "200 200 200 403 200 403",
				(who, as) -> as.get(PROJECTS + "/" + ((who == Who.OTHER) ? otherProject : ownProject)), null, "");
		row("projects", "GET /projects/{id}/progress", "read", "200 200 200 403 200 403",
				(who, as) -> as.get(PROJECTS + "/" + ((who == Who.OTHER) ? otherProject : ownProject) + "/progress"),
				null, "");
		row("projects", "POST /projects/fund-allocations", "centre", "201 201 403 403 403 403", (who, as) -> {
			Gateway.Response r = as.post(PROJECTS + "/fund-allocations",
					Map.of("year", W, "category", "OTHER", "documentNo",
							"矩阵〔" + W + "〕" + SERIAL.incrementAndGet() + "号", "title", "访问矩阵资金", "amount", 100000,
							"issuedOn", W + "-02-01"));
			remember("allocation", who, r);
			return r;
		}, () -> total(ADMIN, PROJECTS + "/fund-allocations?year=" + W + "&size=1"), "an allocation of " + W);
		row("projects", "POST /projects", "write", "201 201 201 403 403 403", (who, as) -> {
			// ADMIN proposes in the other township (the officer's "other" target below)
			String township = (who == Who.ADMIN) ? OTHER_TOWNSHIP : township(who);
			Gateway.Response r = as.post(PROJECTS,
					Map.of("code", "MX" + W + "-" + who.name() + "-" + SERIAL.incrementAndGet(), "name", "矩阵道路项目",
							"type", "INFRASTRUCTURE", "townshipCode", township, "village", "矩阵村", "year", W, "budget",
							10000, "implementingUnit", "矩阵施工队"));
			remember("project", who, r);
			return r;
		}, () -> total(ADMIN, PROJECTS + "?year=" + W + "&size=1"), "a proposal of " + W + " without funds");
		String allocation = this.created.get("allocation:ADMIN");
		row("projects", "POST /projects/{id}/fundings", "centre", "200 200 403 403 403 403",
				(who, as) -> as.post(PROJECTS + "/" + project(who) + "/fundings",
						Map.of("allocationId", allocation, "amount", 10000)),
				() -> ADMIN.get(PROJECTS + "/" + this.created.get("project:OWN")).body(),
				"a funding line from the " + W + " allocation; officers propose, the centre funds");
		Gateway.Response funded = STAFF.post(PROJECTS + "/" + this.created.get("project:OWN") + "/fundings",
				Map.of("allocationId", allocation, "amount", 10000));
		assertThat(funded.status()).as(funded.toString()).isEqualTo(200);
		row("projects", "POST /projects/{id}/approve", "centre", "200 200 403 403 403 403",
				(who, as) -> as.post(PROJECTS + "/" + project(who) + "/approve", approval()),
				() -> ADMIN.get(PROJECTS + "/" + this.created.get("project:OWN")).at("/status") + " "
						+ ADMIN.get(PROJECTS + "/" + this.created.get("project:ADMIN")).at("/status"),
				"each allowed caller approves the proposal it made; the officer's own proposal stays PROPOSED");
		Gateway.Response setup = STAFF.post(PROJECTS + "/" + this.created.get("project:OWN") + "/approve", approval());
		assertThat(setup.status()).as(setup.toString()).isEqualTo(200);
		row("projects", "POST /projects/{id}/start", "write", "200 200 200 403 403 403",
				(who, as) -> as.post(PROJECTS + "/" + project(who) + "/start", Map.of("startedOn", W + "-04-01")),
				() -> ADMIN.get(PROJECTS + "/" + this.created.get("project:ADMIN")).at("/status") + " "
						+ ADMIN.get(PROJECTS + "/" + this.created.get("project:STAFF")).at("/status"),
				"officer: own township's project (approved by staff) yes, 砂石镇's no");
		row("projects", "GET /projects/summaries/{year}", "centre", "200 200 403 403 200 403",
				(who, as) -> as.get(PROJECTS + "/summaries/" + YearDrive.Y), null, "county-wide: not for officers");
	}

	private String project(Who who) {
		return switch (who) {
			case ADMIN, OTHER -> this.created.get("project:ADMIN");
			case STAFF, AUDITOR, NO_ROLE -> this.created.get("project:STAFF");
			case OWN -> this.created.get("project:OWN");
		};
	}

	private static Map<String, Object> approval() {
		return Map.of("approvedOn", W + "-03-15", "documentNo", "矩阵批复", "noticeStartOn", W + "-03-01", "noticeEndOn",
				W + "-03-10");
	}

	// training

	private void training() {
		String classWithBoth = this.ledger.classWithOtherTownship;
		String ownGrant = firstGrant(OWN_TOWNSHIP);
		String otherGrant = firstGrant(OTHER_TOWNSHIP);
		row("training", "GET /training/classes/{id}/enrollments?townshipCode=", "list", "200 200 200 403 200 403",
				(who, as) -> as.get(classWithBoth + "/enrollments?size=1&townshipCode=" + township(who)), null, "");
		row("training", "GET /training/vocational-subsidies/{id}", "read", "200 200 200 403 200 403",
				(who, as) -> as.get(TRAINING + "/vocational-subsidies/" + ((who == Who.OTHER) ? otherGrant : ownGrant)),
				null, "");
		row("training", "POST /training/classes", "centre", "201 201 403 403 403 403", (who, as) -> {
			Gateway.Response r = as.post(TRAINING + "/classes",
					Map.of("category", "LEADER", "title", "访问矩阵致富带头人班", "year", W, "startDate", W + "-04-01", "endDate",
							W + "-04-05", "location", "邵东市移民培训基地", "provider", "邵东市职业中专", "budget", 1000));
			remember("class", who, r);
			return r;
		}, () -> total(ADMIN, TRAINING + "/classes?year=" + W + "&size=1"), "a class of " + W);
		String base = TRAINING + "/classes/" + this.created.get("class:ADMIN");
		List<Person> trainees = new ArrayList<>();
		for (int i = 24; trainees.size() < Who.values().length; i++) {
			Person p = Register.person(i);
			if (p.township().equals(OWN_TOWNSHIP) && !this.ledger.removed.contains(p.idNumber())) {
				trainees.add(p);
			}
		}
		Person foreign = Register.person(4);
		row("training", "POST /training/classes/{id}/enrollments", "write", "201 201 201 422 403 403",
				(who, as) -> as.post(base + "/enrollments",
						Map.of("idNumber",
								(who == Who.OTHER) ? foreign.idNumber() : trainees.get(who.ordinal()).idNumber())),
				() -> total(ADMIN, base + "/enrollments?size=1"),
				"the officer enrols their own township's migrants; another township's person is 'not a migrant "
						+ "of your township' (422, existence not revealed)");
		ADMIN.put(TRAINING + "/plans/" + W, plan(), null);
		row("training", "PUT /training/plans/{year}", "centre", "200 200 403 403 403 403",
				(who, as) -> as.put(TRAINING + "/plans/" + W, plan(),
						ADMIN.get(TRAINING + "/plans/" + W).header("ETag")),
				() -> ADMIN.get(TRAINING + "/plans/" + W).body(), "identical re-put of the " + W + " plan");
	}

	private static Map<String, Object> plan() {
		return Map.of("categories",
				List.of(Map.of("category", "LEADER", "plannedClasses", 1, "plannedPersonTimes", 10)));
	}

	private static String firstGrant(String township) {
		JsonNode list = YearDrive.TRAINING_CLERK
			.get(TRAINING + "/vocational-subsidies?year=" + YearDrive.Y + "&size=1&townshipCode=" + township)
			.json();
		assertThat(list.at("/items")).as("a grant of " + township).isNotEmpty();
		return list.at("/items/0/id").asString();
	}

	// petitions

	private void petitions() {
		String own = this.ledger.petitionTownships.entrySet()
			.stream()
			.filter((e) -> e.getValue().equals(OWN_TOWNSHIP))
			.findFirst()
			.orElseThrow()
			.getKey();
		String other = this.ledger.petitionTownships.entrySet()
			.stream()
			.filter((e) -> e.getValue().equals(OTHER_TOWNSHIP))
			.findFirst()
			.orElseThrow()
			.getKey();
		row("petitions", "GET /petitions?townshipCode=", "list", "200 200 200 403 200 403",
				(who, as) -> as.get(PETITIONS + "?year=" + YearDrive.Y + "&size=1&townshipCode=" + township(who)), null,
				"");
		row("petitions", "GET /petitions/{id}", "read", "200 200 200 403 200 403",
				(who, as) -> as.get(PETITIONS + "/" + ((who == Who.OTHER) ? other : own)), null, "");
		row("petitions", "POST /petitions", "write", "201 201 201 403 403 403", (who, as) -> {
			// ADMIN registers one of the other township (the officer's "other" target
			// below)
			String township = (who == Who.ADMIN) ? OTHER_TOWNSHIP : township(who);
			Gateway.Response r = as.post(PETITIONS,
					Map.of("receivedOn", W + "-03-01", "channel", "LETTER", "personCount", 1, "petitioners", List.of(),
							"townshipCode", township, "category", "OTHER", "summary", "访问矩阵来信"));
			remember("petition", who, r);
			return r;
		}, () -> total(ADMIN, PETITIONS + "?year=" + W + "&size=1"), "received in " + W);
		row("petitions", "POST /petitions/{id}/accept", "write", "200 200 200 403 403 403",
				(who, as) -> as.post(PETITIONS + "/" + petition(who) + "/accept", Map.of("acceptedOn", W + "-03-05")),
				() -> ADMIN.get(PETITIONS + "/" + this.created.get("petition:ADMIN")).at("/status") + " "
						+ ADMIN.get(PETITIONS + "/" + this.created.get("petition:STAFF")).at("/status"),
				"each its own; the officer not 砂石镇's");
		row("petitions", "PUT /petitions/{id}/assignment", "centre", "200 200 403 403 403 403", (who, as) -> {
			String uri = PETITIONS + "/" + petition(who);
			return as.put(uri + "/assignment", Map.of("handler", "矩阵承办人", "responsibleLeader", "矩阵包案领导"),
					ADMIN.get(uri).header("ETag"));
		}, () -> ADMIN.get(PETITIONS + "/" + this.created.get("petition:OWN")).body(), "centre staff assign");
		row("petitions", "POST /petitions/overdue/detection", "admin", "200 403 403 403 403 403",
				(who, as) -> as.post(PETITIONS + "/overdue/detection", Map.of()), null,
				"flags what is overdue today (the scheduled detector's work, at once)");
	}

	private String petition(Who who) {
		return switch (who) {
			case ADMIN, OTHER -> this.created.get("petition:ADMIN");
			case STAFF, AUDITOR, NO_ROLE -> this.created.get("petition:STAFF");
			case OWN -> this.created.get("petition:OWN");
		};
	}

	// reports

	private void reports() {
		row("reports", "GET /reports/{year}/performance", "read", "200 200 200 - 200 403",
				(who, as) -> as.get(REPORTS + "/" + YearDrive.Y + "/performance"), null,
				"county-wide, read by every role (no township to be other)");
		row("reports", "GET /reports/profile", "read", "200 200 200 - 200 403",
				(who, as) -> as.get(REPORTS + "/profile"), null, "");
		row("reports", "PUT /reports/profile", "admin", "200 403 403 - 403 403",
				(who, as) -> as.put(REPORTS + "/profile", YearDrive.resource("profile.json"),
						ADMIN.get(REPORTS + "/profile").header("ETag")),
				() -> ADMIN.get(REPORTS + "/profile").body(), "identical re-put");
		row("reports", "PUT /reports/{year}/narrative", "admin", "200 403 403 - 403 403",
				(who, as) -> as.put(REPORTS + "/" + YearDrive.Y + "/narrative",
						YearDrive.resource("narrative-2024.json"),
						ADMIN.get(REPORTS + "/" + YearDrive.Y + "/narrative").header("ETag")),
				() -> ADMIN.get(REPORTS + "/" + YearDrive.Y + "/narrative").body(), "identical re-put");
		row("reports", "POST /reports/{year}/close", "admin", "201 403 403 - 403 403",
				(who, as) -> as.post(REPORTS + "/2019/close", Map.of()),
				() -> ADMIN.get(REPORTS + "/2019/snapshots").body(), "closes 2019 (a year without records)");
		row("reports", "POST /reports/rebuild", "admin", "- 403 403 - 403 403",
				(who, as) -> as.post(REPORTS + "/rebuild", Map.of()), null,
				"ADMIN not sent: it drops the read models and replays every topic");
	}

	private void remember(String what, Who who, Gateway.Response response) {
		if (response.status() == 201) {
			this.created.put(what + ":" + who.name(), response.at("/id"));
		}
	}

	private static String total(Gateway as, String query) {
		Gateway.Response response = as.get(query);
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		return response.json().at("/total").asString();
	}

	// the table

	String table() {
		StringBuilder out = new StringBuilder();
		out.append("| family | operation | kind |");
		for (Who who : Who.values()) {
			out.append(' ').append(who.label).append(" |");
		}
		out.append(" note |\n| --- | --- | --- |");
		for (int i = 0; i < Who.values().length; i++) {
			out.append(" --- |");
		}
		out.append(" --- |\n");
		for (Row row : this.rows) {
			out.append("| ")
				.append(row.family())
				.append(" | `")
				.append(row.operation())
				.append("` | ")
				.append(row.kind())
				.append(" |");
			for (Who who : Who.values()) {
				Integer expected = row.expected().get(who);
				Integer actual = row.actual().get(who);
				String cell = (expected == null) ? "–" : Objects.equals(expected, actual) ? String.valueOf(actual)
						: actual + " (expected " + expected + ")";
				out.append(' ').append(cell).append(" |");
			}
			out.append(' ').append(row.note()).append(" |\n");
		}
		return out.toString();
	}

	static void keep(String table) {
		try {
			Files.writeString(Platform.work().resolve("access-matrix.md"), table, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
