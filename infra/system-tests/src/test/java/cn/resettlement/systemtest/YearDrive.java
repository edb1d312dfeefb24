package cn.resettlement.systemtest;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import tools.jackson.databind.JsonNode;

import cn.resettlement.systemtest.Register.Person;
import cn.resettlement.testsupport.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The seed's 2024 (reference-year.md), recorded through the gateway the way the centre's
 * people record it, with each role's own token: the population clerk imports the township
 * rosters and records the year's adjustments; the finance clerk sets the policy,
 * generates the batch, exports the bank file, records the bank's results and the
 * re-issue, and two other users approve (four-eyes); township officers record recoveries
 * of their township's claims; project clerks import the year's project list and work it
 * through; the training clerk runs the classes with uploaded lists; the petition clerk
 * takes 20 petitions through their lifecycle; the director enters the unit profile and
 * narrative. Everything recorded is kept in {@link Ledger} so the report is checked
 * against what was driven.
 */
final class YearDrive {

	static final int Y = 2024;

	static final String POPULATION = "/api/v1/population";

	static final String SUBSIDIES = "/api/v1/subsidies";

	static final String PROJECTS = "/api/v1/projects";

	static final String TRAINING = "/api/v1/training";

	static final String PETITIONS = "/api/v1/petitions";

	static final String REPORTS = "/api/v1/reports";

	static final String PARK = "邵东市移民产业创业园";

	/** The seed's allocations: title, category, 文号, amount in 万元. */
	static final String[][] ALLOCATIONS = { { "第一批到县资金", "FIRST_BATCH", "湘财农指〔2024〕1号", "1755" },
			{ "2022年600元内", "WITHIN_600", "湘财农指〔2024〕2号", "2760.06" },
			{ "重点移民村建设专项", "KEY_VILLAGE", "湘移〔2024〕10号", "400" },
			{ "突出问题处理一批", "PROMINENT_ISSUES", "湘移〔2024〕11号", "87" },
			{ "突出问题处理二批", "PROMINENT_ISSUES", "湘移〔2024〕25号", "33" },
			{ "三峡后续工作", "THREE_GORGES", "湘财农指〔2024〕30号", "133" }, { "困难移民扶助金", "HARDSHIP_AID", "湘财社〔2024〕5号", "34" },
			{ "突出问题项目资金", "PROMINENT_ISSUE_PROJECTS", "湘财农指〔2024〕40号", "4500" } };

	static final String[] PETITION_CATEGORIES = { "HOMESTEAD", "LIVELIHOOD", "ROAD", "HOUSEHOLD_REGISTRATION",
			"SUBSIDY" };

	static final Gateway DIRECTOR = user("zhuren", TestTokens.admin("zhuren"));

	static final Gateway FINANCE = user("caiwu", TestTokens.staff("caiwu"));

	static final Gateway ACCOUNTANT = user("kuaiji", TestTokens.staff("kuaiji"));

	static final Gateway POPULATION_CLERK = user("renkou", TestTokens.staff("renkou"));

	static final Gateway TRAINING_CLERK = user("peixun", TestTokens.staff("peixun"));

	static final Gateway PETITION_CLERK = user("xinfang", TestTokens.staff("xinfang"));

	static final Gateway OFFICER = user("jiulongling", TestTokens.officer("jiulongling", Register.JIULONGLING));

	static final Gateway AUDITOR = user("shenji", TestTokens.auditor("shenji"));

	private static final java.util.concurrent.atomic.AtomicInteger RECEIPTS = new java.util.concurrent.atomic.AtomicInteger();

	private final Ledger ledger = new Ledger();

	static Gateway user(String name, String token) {
		return Gateway.as(name, token);
	}

	Ledger ledger() {
		return this.ledger;
	}

	/**
	 * The year: profile and narrative, projects and petitions at once; the roster import
	 * first for the rest, then subsidy (with adjustments and recoveries) and training at
	 * once.
	 */
	void run() throws Exception {
		ExecutorService desks = Executors.newFixedThreadPool(4);
		try {
			List<Future<?>> work = new ArrayList<>();
			Future<?> january = desks.submit(() -> Timings.time("driveProfileNarrativeAndPolicy", () -> {
				profileAndNarrative();
				subsidyPolicy();
			}));
			work.add(january);
			work.add(desks.submit(() -> Timings.time("driveProjects", this::projects)));
			work.add(desks.submit(() -> Timings.time("drivePetitions", this::petitions)));
			Timings.time("drivePopulationImport", this::importRoster);
			work.add(desks.submit(() -> Timings.time("driveTraining", this::training)));
			january.get(5, TimeUnit.MINUTES);
			Timings.time("driveSubsidyYear", this::subsidyYear);
			for (Future<?> done : work) {
				done.get(10, TimeUnit.MINUTES);
			}
		}
		finally {
			desks.shutdownNow();
		}
	}

	// reporting: what data cannot say

	private void profileAndNarrative() {
		Gateway.Response profile = DIRECTOR.put(REPORTS + "/profile", resource("profile.json"), null);
		assertThat(profile.status()).as(profile.toString()).isIn(200, 201);
		Gateway.Response narrative = DIRECTOR.put(REPORTS + "/" + Y + "/narrative", resource("narrative-2024.json"),
				null);
		assertThat(narrative.status()).as(narrative.toString()).isIn(200, 201);
		Gateway.Response refused = FINANCE.put(REPORTS + "/" + Y + "/narrative", resource("narrative-2024.json"),
				narrative.header("ETag"));
		assertThat(refused.status()).as("staff cannot change the narrative: %s", refused).isEqualTo(403);
		this.ledger.touch();
	}

	// population

	private void importRoster() {
		Gateway.Response accepted = POPULATION_CLERK.upload(POPULATION + "/imports", "2024年移民花名册.csv", "text/csv",
				Register.rosterCsv(), Map.of());
		assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
		JsonNode job = awaitJob(POPULATION_CLERK, accepted.header("Location"), Duration.ofMinutes(6));
		assertThat(job.at("/status").asString()).as(job.toString()).isEqualTo("SUCCEEDED");
		assertThat(job.at("/result/created").asInt()).as(job.toString()).isEqualTo(Register.PERSONS);
		assertThat(job.at("/result/rejected").asInt()).isZero();
		assertThat(job.at("/result/householdsCreated").asInt()).isEqualTo(Register.households());
		this.ledger.registered = Register.PERSONS;
		this.ledger.touch();
	}

	/** Migrant ids of persons, by ID number (lookups of at most 1,000). */
	static Map<String, String> migrantIds(Gateway as, List<Person> persons) {
		Map<String, String> ids = new HashMap<>();
		for (int from = 0; from < persons.size(); from += 1000) {
			List<String> numbers = persons.subList(from, Math.min(persons.size(), from + 1000))
				.stream()
				.map(Person::idNumber)
				.toList();
			Gateway.Response found = as.post(POPULATION + "/migrants/lookup", Map.of("idNumbers", numbers));
			assertThat(found.status()).as(found.toString()).isEqualTo(200);
			found.json()
				.at("/items")
				.forEach((m) -> ids.put(m.at("/idNumber").asString(), m.at("/migrantId").asString()));
		}
		return ids;
	}

	// subsidy, with the year's adjustments and recoveries

	/** The year's policy, set in January: 600 yuan a year, paid once. */
	private void subsidyPolicy() {
		Gateway.Response policy = FINANCE.put(SUBSIDIES + "/policies/" + Y,
				Map.of("annualAmount", 600, "frequency", "ANNUAL"), null);
		assertThat(policy.status()).as(policy.toString()).isEqualTo(201);
	}

	private void subsidyYear() {

		String batchId = Timings.time("subsidyGenerateBatch", this::generateBatch);
		approveFourEyes(batchId);
		Map<String, BankLine> bankFile = Timings.time("subsidyExportBankFile", () -> bankFile(batchId));
		assertThat(bankFile).hasSize(Register.ELIGIBLE);
		Timings.time("subsidyRecordResults", () -> recordResults(batchId, bankFile));

		// the bank returned some lines: re-issue them in a supplementary batch
		Gateway.Response reissue = FINANCE.postOnce(SUBSIDIES + "/batches/" + batchId + "/reissue",
				Map.of("includeUnchanged", true));
		assertThat(reissue.status()).as(reissue.toString()).isEqualTo(201);
		assertThat(reissue.json().at("/lineCount").asInt()).isEqualTo(this.ledger.failedPersons.size());
		String reissueId = reissue.at("/id");
		approveFourEyes(reissueId);
		Map<String, BankLine> reissueFile = bankFile(reissueId);
		assertThat(reissueFile.keySet()).containsExactlyInAnyOrderElementsOf(this.ledger.failedPersons);
		List<Map<String, Object>> results = new ArrayList<>();
		for (BankLine line : reissueFile.values()) {
			results.add(Map.of("lineRef", line.lineRef(), "status", "PAID", "paidOn", paidOn().toString()));
			this.ledger.paid(line.idNumber(), line.amount());
		}
		Gateway.Response recorded = FINANCE.postOnce(SUBSIDIES + "/batches/" + reissueId + "/results",
				Map.of("results", results));
		assertThat(recorded.status()).as(recorded.toString()).isEqualTo(200);
		for (String batch : List.of(batchId, reissueId)) {
			Gateway.Response closed = FINANCE.post(SUBSIDIES + "/batches/" + batch + "/close", Map.of());
			assertThat(closed.status()).as(closed.toString()).isEqualTo(200);
			assertThat(closed.at("/status")).isEqualTo("CLOSED");
		}
		this.ledger.batchId = batchId;
		this.ledger.touch();

		Timings.time("populationAdjustments", this::adjustments);
		Timings.time("subsidyRecoveries", this::recoveries);
	}

	private String generateBatch() {
		Gateway.Response created = FINANCE.postOnce(SUBSIDIES + "/batches", Map.of("year", Y, "period", "" + Y));
		assertThat(created.status()).as("a roster this large is generated as a job: %s", created).isEqualTo(202);
		String batchId = created.at("/id");
		AtomicReference<JsonNode> batch = new AtomicReference<>();
		await("batch generation").atMost(Duration.ofMinutes(5))
			.pollInterval(Duration.ofMillis(500))
			.untilAsserted(() -> {
				batch.set(FINANCE.get(SUBSIDIES + "/batches/" + batchId).json());
				assertThat(batch.get().at("/status").asString()).as(batch.get().toString()).isNotIn("FAILED");
				assertThat(batch.get().at("/status").asString()).isEqualTo("DRAFT");
			});
		assertThat(batch.get().at("/lineCount").asInt()).as(batch.get().toString()).isEqualTo(Register.ELIGIBLE);
		assertThat(batch.get().at("/totalAmount").decimalValue())
			.isEqualByComparingTo(BigDecimal.valueOf(600L * Register.ELIGIBLE));
		assertThat(batch.get().at("/withoutCardAccount").asInt()).isZero();
		return batchId;
	}

	/** The creator may not approve; a second user does. */
	private void approveFourEyes(String batchId) {
		Gateway.Response own = FINANCE.post(SUBSIDIES + "/batches/" + batchId + "/approve", Map.of());
		assertThat(own.status()).as("four-eyes: %s", own).isEqualTo(403);
		Gateway.Response approved = ACCOUNTANT.post(SUBSIDIES + "/batches/" + batchId + "/approve", Map.of());
		assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
		assertThat(approved.at("/status")).isEqualTo("APPROVED");
		assertThat(approved.at("/approvedBy")).isEqualTo("kuaiji");
	}

	/** The 一卡通 file, by ID number. */
	private Map<String, BankLine> bankFile(String batchId) {
		Gateway.Response file = FINANCE.get(SUBSIDIES + "/batches/" + batchId + "/bank-file?format=csv");
		assertThat(file.status()).as(file.toString()).isEqualTo(200);
		String[] rows = file.body().replace("\uFEFF", "").split("\r?\n");
		assertThat(rows[0]).isEqualTo("参考号,身份证号码,姓名,一卡通账号,金额");
		Map<String, BankLine> lines = new LinkedHashMap<>();
		for (int r = 1; r < rows.length; r++) {
			if (rows[r].isBlank()) {
				continue;
			}
			String[] cells = rows[r].replace("\"", "").split(",");
			BankLine line = new BankLine(cells[0], cells[1], cells[2], cells[3], new BigDecimal(cells[4]));
			assertThat(lines.put(line.idNumber(), line)).as("one line per person").isNull();
		}
		return lines;
	}

	/** Today in the unit's calendar. */
	private static LocalDate paidOn() {
		return LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
	}

	/**
	 * The bank's return file: every line paid except every thousandth person, whose
	 * account name did not match. Paid today: a payment cannot be dated before its bank
	 * file was exported (PAID_BEFORE_EXPORT), and the report counts payments by the year
	 * of their period, not by the date the bank paid.
	 */
	private void recordResults(String batchId, Map<String, BankLine> bankFile) {
		StringBuilder csv = new StringBuilder("参考号,身份证号码,金额,状态,支付日期,失败原因\n");
		for (BankLine line : bankFile.values()) {
			Person person = this.ledger.byIdNumber(line.idNumber());
			assertThat(line.name()).isEqualTo(person.name());
			assertThat(line.cardAccount()).isEqualTo(person.cardAccount());
			boolean failed = person.index() % 1000 == 500;
			csv.append(line.lineRef())
				.append(',')
				.append(line.idNumber())
				.append(',')
				.append(line.amount().toPlainString())
				.append(',');
			if (failed) {
				csv.append("失败,,户名不符\n");
				this.ledger.failedPersons.add(line.idNumber());
			}
			else {
				csv.append("成功,").append(paidOn()).append(",\n");
				this.ledger.paid(line.idNumber(), line.amount());
			}
		}
		Gateway.Response accepted = FINANCE.upload(SUBSIDIES + "/batches/" + batchId + "/results", "回盘文件.csv",
				"text/csv", csv.toString().getBytes(StandardCharsets.UTF_8),
				Map.of("Idempotency-Key", java.util.UUID.randomUUID().toString()));
		assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
		JsonNode job = awaitJob(FINANCE, accepted.header("Location"), Duration.ofMinutes(5));
		assertThat(job.at("/status").asString()).as(job.toString()).isEqualTo("SUCCEEDED");
		assertThat(job.at("/errorCount").asInt()).as(job.toString()).isZero();
		assertThat(job.at("/result/failed").asInt()).isEqualTo(this.ledger.failedPersons.size());
		assertThat(job.at("/result/paid").asInt()).isEqualTo(Register.ELIGIBLE - this.ledger.failedPersons.size());
		assertThat(job.at("/result/rejected").asInt()).isZero();
	}

	/**
	 * 390 persons adjusted in 2024: 366 deaths effective 2023-12-20 but recorded on
	 * 2024-05-10, after they were paid for 2024 (→ recovery claims); 14 moved out in
	 * August; 10 disqualified in June and reinstated in September.
	 */
	private void adjustments() {
		List<Person> deaths = new ArrayList<>();
		List<Person> others = new ArrayList<>();
		for (int i = 0; i < Register.ELIGIBLE; i++) {
			Person p = Register.person(i);
			if (this.ledger.failedPersons.contains(p.idNumber())) {
				continue;
			}
			if (i % 89 == 3 && deaths.size() < 366) {
				deaths.add(p);
			}
			else if (i % 1000 == 777 && others.size() < 24) {
				others.add(p);
			}
		}
		assertThat(deaths).hasSize(366);
		assertThat(others).hasSize(24);
		List<Person> all = new ArrayList<>(deaths);
		all.addAll(others);
		Map<String, String> ids = migrantIds(POPULATION_CLERK, all);
		assertThat(ids).hasSize(all.size());
		parallel(all, 2, (person, index) -> {
			Gateway clerk = (index % 2 == 0) ? POPULATION_CLERK : user("renkou-2", TestTokens.staff("renkou-2"));
			String uri = POPULATION + "/migrants/" + ids.get(person.idNumber()) + "/adjustments";
			if (deaths.contains(person)) {
				adjust(clerk, uri, "DEATH", "2023-12-20", "2024-05-10", "死亡核减（2023年12月死亡，2024年5月核实）");
				this.ledger.died.put(person.idNumber(), ids.get(person.idNumber()));
				this.ledger.removed.add(person.idNumber());
			}
			else if (others.indexOf(person) < 14) {
				adjust(clerk, uri, "MOVED_OUT", "2024-08-01", "2024-08-05", "迁出核减");
				this.ledger.removed.add(person.idNumber());
			}
			else {
				adjust(clerk, uri, "DISQUALIFIED", "2024-06-01", "2024-06-03", "不符合条件核减");
				adjust(clerk, uri, "REINSTATED", "2024-09-01", "2024-09-02", "复核后恢复");
			}
			this.ledger.adjusted.add(person.idNumber());
		});
		this.ledger.touch();
	}

	private static void adjust(Gateway clerk, String uri, String type, String effective, String decided,
			String reason) {
		Map<String, Object> body = Map.of("type", type, "effectiveDate", effective, "decidedOn", decided, "reason",
				reason, "documentNo", "邵移调〔2024〕" + type);
		Gateway.Response adjusted = clerk.postOnce(uri, body);
		assertThat(adjusted.status()).as(adjusted.toString()).isEqualTo(201);
	}

	/**
	 * The deaths after payment open one claim each (from population's events); 363 are
	 * recovered in full and one in part during 2024 (21.79万元), one is written off, one
	 * stays open. Township officers record their own township's recoveries.
	 */
	private void recoveries() {
		Map<String, JsonNode> claims = new ConcurrentHashMap<>();
		await("recovery claims from the deaths").atMost(Duration.ofMinutes(3))
			.pollInterval(Duration.ofSeconds(1))
			.untilAsserted(() -> {
				claims.clear();
				for (int page = 0;; page++) {
					JsonNode list = FINANCE.get(SUBSIDIES + "/overpayments?size=500&page=" + page).json();
					list.at("/items").forEach((c) -> claims.put(c.at("/migrantId").asString(), c));
					if ((page + 1) * 500L >= list.at("/total").asLong()) {
						break;
					}
				}
				assertThat(claims).hasSize(this.ledger.died.size());
			});
		Set<String> died = new HashSet<>(this.ledger.died.values());
		assertThat(claims.keySet()).containsExactlyInAnyOrderElementsOf(died);
		claims.values().forEach((c) -> {
			assertThat(c.at("/cause").asString()).isEqualTo("DEATH");
			assertThat(c.at("/amount").decimalValue()).isEqualByComparingTo("600");
			assertThat(c.at("/status").asString()).isEqualTo("OPEN");
		});
		this.ledger.claims.putAll(claims);
		List<JsonNode> ordered = claims.values()
			.stream()
			.sorted(java.util.Comparator
				.comparing((JsonNode c) -> c.at("/townshipCode").asString().equals(Register.SHASHI))
				.thenComparing((c) -> c.at("/id").asString()))
			.toList();
		// the part-recovered, the written-off and the open claim are 砂石镇's
		assertThat(ordered.subList(363, 366))
			.allSatisfy((c) -> assertThat(c.at("/townshipCode").asString()).isEqualTo(Register.SHASHI));
		List<JsonNode> full = ordered.subList(0, 363);
		parallel(full, 3, (claim, index) -> {
			boolean own = claim.at("/townshipCode").asString().equals(Register.JIULONGLING);
			Gateway cashier = own ? OFFICER : (index % 2 == 0) ? FINANCE : ACCOUNTANT;
			recover(cashier, claim, new BigDecimal("600"), LocalDate.of(Y, 6, 1).plusDays(index % 200));
		});
		JsonNode partial = ordered.get(363);
		recover(FINANCE, partial, new BigDecimal("100"), LocalDate.of(Y, 12, 1));
		JsonNode writtenOff = ordered.get(364);
		Gateway.Response off = FINANCE.post(
				SUBSIDIES + "/overpayments/" + writtenOff.at("/id").asString() + "/write-off",
				Map.of("writtenOffOn", Y + "-12-15", "reason", "家属无力偿还，经集体研究核销"));
		assertThat(off.status()).as(off.toString()).isEqualTo(200);
		this.ledger.writtenOff = new BigDecimal("600");
		this.ledger.openClaim = ordered.get(365).at("/id").asString();
		this.ledger.touch();
	}

	private void recover(Gateway cashier, JsonNode claim, BigDecimal amount, LocalDate on) {
		Gateway.Response recovered = cashier
			.postOnce(SUBSIDIES + "/overpayments/" + claim.at("/id").asString() + "/recoveries", Map.of("amount",
					amount, "recoveredOn", on.toString(), "receiptNo", "SJ2024-" + RECEIPTS.incrementAndGet()));
		assertThat(recovered.status()).as(recovered.toString()).isEqualTo(201);
		this.ledger.recovered(amount);
	}

	// projects and funds

	private void projects() {
		Gateway clerk = user("xiangmu", TestTokens.staff("xiangmu"));
		Map<String, String> allocationIds = new HashMap<>();
		for (int a = 0; a < ALLOCATIONS.length; a++) {
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("year", Y);
			body.put("category", ALLOCATIONS[a][1]);
			body.put("documentNo", ALLOCATIONS[a][2]);
			body.put("title", ALLOCATIONS[a][0]);
			body.put("amount", wan(ALLOCATIONS[a][3]));
			body.put("issuedOn", LocalDate.of(Y, 1 + a, 8).toString());
			Gateway.Response allocated = clerk.postOnce(PROJECTS + "/fund-allocations", body);
			assertThat(allocated.status()).as(allocated.toString()).isEqualTo(201);
			allocationIds.put(ALLOCATIONS[a][2], allocated.at("/id"));
			this.ledger.allocate(ALLOCATIONS[a][1], wan(ALLOCATIONS[a][3]));
		}
		List<Planned> implemented = Planned.implemented();
		Planned cancelled = new Planned("SD2024-C01", "INFRASTRUCTURE", Register.JIULONGLING, "红星村", "湘财农指〔2024〕1号",
				"5", "1");
		List<Planned> all = new ArrayList<>(implemented);
		all.add(cancelled);
		StringBuilder csv = new StringBuilder("项目编码,项目名称,项目类型,乡镇代码,村(居委会),年度,概算(万元),实施单位,资金文号,安排资金(万元)\n");
		for (Planned p : all) {
			csv.append(String.join(",", p.code(), p.village() + p.type() + "项目", p.type(), p.township(), p.village(),
					"" + Y, p.fundingWan(), "邵东市库区移民事务中心", p.documentNo(), p.fundingWan()))
				.append('\n');
		}
		Gateway.Response accepted = clerk.upload(PROJECTS + "/imports/projects", "2024年后扶项目计划.csv", "text/csv",
				csv.toString().getBytes(StandardCharsets.UTF_8), Map.of());
		assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
		JsonNode job = awaitJob(clerk, accepted.header("Location"), Duration.ofMinutes(3));
		assertThat(job.at("/result/created").asInt()).as(job.toString()).isEqualTo(all.size());
		Map<String, String> ids = new HashMap<>();
		for (int page = 0; ids.size() < all.size(); page++) {
			JsonNode items = clerk.get(PROJECTS + "?year=" + Y + "&q=SD2024-&size=100&page=" + page)
				.json()
				.at("/items");
			assertThat(items.size()).isPositive();
			items.forEach((p) -> ids.put(p.at("/code").asString(), p.at("/id").asString()));
		}
		this.ledger.projectIds.putAll(ids);
		// four clerks at once; each project's steps in order
		parallel(implemented, 4, (p, index) -> {
			Gateway desk = user("xiangmu-" + (index % 4), TestTokens.staff("xiangmu-" + (index % 4)));
			String uri = PROJECTS + "/" + ids.get(p.code());
			approveAndStart(desk, uri);
			BigDecimal investment = wan(p.investmentWan());
			BigDecimal half = investment.divide(BigDecimal.valueOf(2), 2, RoundingMode.DOWN);
			progress(desk, uri, LocalDate.of(Y, 6, 30), 50, half);
			progress(desk, uri, LocalDate.of(Y, 12, 20), 100, investment);
			this.ledger.implemented(p, investment);
		});
		for (Planned village : implemented.stream().filter((p) -> p.type().equals("KEY_VILLAGE")).toList()) {
			Gateway.Response paid = clerk.postOnce(PROJECTS + "/" + ids.get(village.code()) + "/disbursements",
					Map.of("amount", wan("200"), "paidOn", Y + "-12-25", "voucherNo", "记-2024-" + village.code()));
			assertThat(paid.status()).as(paid.toString()).isEqualTo(201);
		}
		// started, reported and cancelled: never implemented
		String cancelledUri = PROJECTS + "/" + ids.get(cancelled.code());
		approveAndStart(clerk, cancelledUri);
		progress(clerk, cancelledUri, LocalDate.of(Y, 5, 1), 10, new BigDecimal("10000"));
		Gateway.Response cancel = clerk.post(cancelledUri + "/cancel",
				Map.of("cancelledOn", Y + "-06-01", "reason", "选址变更"));
		assertThat(cancel.status()).as(cancel.toString()).isEqualTo(200);
		// the 移民产业创业园: 2023 rent and dividends, 2024 rent
		assertThat(clerk
			.postOnce(PROJECTS + "/asset-incomes",
					Map.of("asset", PARK, "year", Y - 1, "amount", 500000, "receivedOn", (Y - 1) + "-06-30"))
			.status()).isEqualTo(201);
		assertThat(clerk
			.postOnce(PROJECTS + "/dividends", Map.of("asset", PARK, "year", Y - 1, "amount", 500000, "paidOn",
					(Y - 1) + "-12-28", "recipients", 1024))
			.status()).isEqualTo(201);
		assertThat(clerk
			.postOnce(PROJECTS + "/asset-incomes",
					Map.of("asset", PARK, "year", Y, "amount", 500000, "receivedOn", Y + "-12-20"))
			.status()).isEqualTo(201);
		this.ledger.assetIncome = new BigDecimal("500000");
		this.ledger.previousYearDividends = new BigDecimal("500000");
		this.ledger.touch();
	}

	private static void approveAndStart(Gateway desk, String uri) {
		Gateway.Response approved = desk.post(uri + "/approve", Map.of("approvedOn", Y + "-03-20", "documentNo",
				"邵移批〔2024〕1号", "noticeStartOn", Y + "-03-05", "noticeEndOn", Y + "-03-12"));
		assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
		Gateway.Response started = desk.post(uri + "/start", Map.of("startedOn", Y + "-04-01"));
		assertThat(started.status()).as(started.toString()).isEqualTo(200);
	}

	private static void progress(Gateway desk, String uri, LocalDate on, int percent, BigDecimal investment) {
		Gateway.Response reported = desk.post(uri + "/progress",
				Map.of("reportedOn", on.toString(), "progressPercent", percent, "investmentCompleted", investment));
		assertThat(reported.status()).as(reported.toString()).isEqualTo(201);
	}

	// training

	/**
	 * The plan, 12 classes with uploaded trainee lists (agricultural completions by
	 * uploaded list too), completion, two disbursements each; 287 vocational grants, 37
	 * of them late claims. Trainees and students are persons resettled in 2024.
	 */
	private void training() {
		Gateway.Response plan = TRAINING_CLERK.put(TRAINING + "/plans/" + Y, Map.of("categories",
				List.of(planItem("AGRICULTURAL", 6, 480), planItem("EMPLOYMENT", 4, 160), planItem("LEADER", 2, 250))),
				null);
		assertThat(plan.status()).as(plan.toString()).isEqualTo(201);
		int next = Register.ELIGIBLE;
		Object[][] classes = { { "AGRICULTURAL", "养殖技术（生猪）", 83, 2, "33200" },
				{ "AGRICULTURAL", "中药材种植（玉竹）", 83, 0, "33200" }, { "AGRICULTURAL", "养殖技术（肉牛）", 83, 0, "33200" },
				{ "AGRICULTURAL", "中药材种植（黄精）", 83, 0, "33200" }, { "AGRICULTURAL", "果树栽培", 83, 0, "33200" },
				{ "AGRICULTURAL", "蔬菜种植", 83, 0, "33200" }, { "EMPLOYMENT", "电工", 40, 0, "65100" },
				{ "EMPLOYMENT", "焊工", 40, 0, "65100" }, { "EMPLOYMENT", "家政服务", 40, 0, "65100" },
				{ "EMPLOYMENT", "电子商务", 39, 0, "65100" }, { "LEADER", "致富带头人培训（一期）", 125, 0, "40000" },
				{ "LEADER", "致富带头人培训（二期）", 125, 0, "40000" } };
		for (int c = 0; c < classes.length; c++) {
			int completers = (int) classes[c][2];
			int dropouts = (int) classes[c][3];
			List<Person> trainees = new ArrayList<>();
			for (int t = 0; t < completers + dropouts; t++) {
				trainees.add(Register.person(next++));
			}
			runClass(c, (String) classes[c][0], (String) classes[c][1], trainees.subList(0, completers),
					trainees.subList(completers, trainees.size()), new BigDecimal((String) classes[c][4]));
		}
		List<Person> students = new ArrayList<>();
		for (int s = 0; s < 287; s++) {
			students.add(Register.person(next++));
		}
		parallel(students, 2, (student, i) -> {
			boolean late = i >= 250;
			Map<String, Object> grant = new LinkedHashMap<>();
			grant.put("idNumber", student.idNumber());
			grant.put("school", late ? "邵东市职业中专" : "湖南工业职业技术学院");
			grant.put("programme", late ? "机电技术应用" : "数控技术");
			grant.put("level", late ? "SECONDARY_VOCATIONAL" : "HIGHER_VOCATIONAL");
			grant.put("academicYear", late ? "2022-2023" : "2024-2025");
			grant.put("year", Y);
			grant.put("amount", 4000);
			grant.put("lateClaim", late);
			Gateway clerk = (i % 2 == 0) ? TRAINING_CLERK : user("peixun-2", TestTokens.staff("peixun-2"));
			Gateway.Response granted = clerk.postOnce(TRAINING + "/vocational-subsidies", grant);
			assertThat(granted.status()).as(granted.toString()).isEqualTo(201);
			this.ledger.train("VOCATIONAL", 0, 1, new BigDecimal("4000"));
		});
		this.ledger.touch();
	}

	private void runClass(int index, String category, String title, List<Person> completers, List<Person> dropouts,
			BigDecimal budget) {
		LocalDate start = LocalDate.of(Y, 3, 4).plusWeeks(2L * index);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("category", category);
		body.put("title", title);
		body.put("year", Y);
		body.put("startDate", start.toString());
		body.put("endDate", start.plusDays(4).toString());
		body.put("location", "邵东市移民培训基地");
		body.put("provider", "邵东市职业中专");
		body.put("budget", budget);
		Gateway.Response opened = TRAINING_CLERK.postOnce(TRAINING + "/classes", body);
		assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
		String base = TRAINING + "/classes/" + opened.at("/id");
		this.ledger.classIds.add(opened.at("/id"));
		List<Person> enrolled = new ArrayList<>(completers);
		enrolled.addAll(dropouts);
		StringBuilder list = new StringBuilder("身份证号,姓名\n");
		enrolled.forEach((p) -> list.append(p.idNumber()).append(',').append(p.name()).append('\n'));
		Gateway.Response upload = TRAINING_CLERK.upload(base + "/enrollments/imports", "学员名单.csv", "text/csv",
				list.toString().getBytes(StandardCharsets.UTF_8), Map.of());
		assertThat(upload.status()).as(upload.toString()).isEqualTo(202);
		JsonNode job = awaitJob(TRAINING_CLERK, upload.header("Location"), Duration.ofMinutes(2));
		assertThat(job.at("/status").asString()).as(job.toString()).isEqualTo("SUCCEEDED");
		assertThat(job.at("/result/enrolled").asInt()).as(job.toString()).isEqualTo(enrolled.size());
		List<String> completed = completers.stream().map(Person::idNumber).toList();
		if (category.equals("AGRICULTURAL")) {
			StringBuilder rows = new StringBuilder("身份证号,证书编号,出勤天数\n");
			for (int i = 0; i < completed.size(); i++) {
				rows.append(completed.get(i)).append(",NY2024-").append(index).append('-').append(i).append(",5\n");
			}
			Gateway.Response completions = TRAINING_CLERK.upload(base + "/completions/imports", "结业名单.csv", "text/csv",
					rows.toString().getBytes(StandardCharsets.UTF_8), Map.of());
			assertThat(completions.status()).as(completions.toString()).isEqualTo(202);
			JsonNode done = awaitJob(TRAINING_CLERK, completions.header("Location"), Duration.ofMinutes(2));
			assertThat(done.at("/result/completed").asInt()).as(done.toString()).isEqualTo(completed.size());
			completed = List.of();
		}
		Gateway.Response done = TRAINING_CLERK.post(base + "/complete", Map.of("completedIdNumbers", completed));
		assertThat(done.status()).as(done.toString()).isEqualTo(200);
		assertThat(done.json().at("/completed").asInt()).isEqualTo(completers.size());
		BigDecimal first = budget.divide(BigDecimal.valueOf(2), 0, RoundingMode.DOWN);
		List<BigDecimal> payments = List.of(first, budget.subtract(first));
		for (int p = 0; p < payments.size(); p++) {
			Gateway.Response paid = TRAINING_CLERK.postOnce(base + "/disbursements", Map.of("amount", payments.get(p),
					"paidOn", start.plusDays(20 + 30L * p).toString(), "voucherNo", "记-2024-" + index + "-" + p));
			assertThat(paid.status()).as(paid.toString()).isEqualTo(201);
		}
		this.ledger.train(category, 1, completers.size(), budget);
		completers.stream().filter((p) -> !p.township().equals(Register.JIULONGLING)).findFirst().ifPresent((p) -> {
			this.ledger.classWithOtherTownship = base;
		});
	}

	private static Map<String, Object> planItem(String category, int classes, int personTimes) {
		return Map.of("category", category, "plannedClasses", classes, "plannedPersonTimes", personTimes);
	}

	// petitions

	/**
	 * 20 petitions (78 person-times) received in 2024, each accepted, replied and closed;
	 * the named petitioner is a registered migrant (linked by petition-service from the
	 * register's events).
	 */
	private void petitions() {
		for (int p = 0; p < 20; p++) {
			int persons = (p < 18) ? 4 : 3;
			String township = Register.TOWNSHIPS[p % Register.TOWNSHIPS.length];
			LocalDate received = LocalDate.of(Y, 1 + p % 10, 10);
			Person petitioner = Register.person(p * 4 * Register.TOWNSHIPS.length + (p % 6) * 4);
			assertThat(petitioner.township()).isEqualTo(township);
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("receivedOn", received.toString());
			body.put("channel", (p % 2 == 0) ? "VISIT" : "LETTER");
			body.put("personCount", persons);
			body.put("petitioners", List.of(Map.of("name", petitioner.name(), "idNumber", petitioner.idNumber())));
			body.put("townshipCode", township);
			body.put("category", PETITION_CATEGORIES[p % PETITION_CATEGORIES.length]);
			body.put("summary", "反映" + PETITION_CATEGORIES[p % PETITION_CATEGORIES.length] + "问题");
			Gateway.Response registered = PETITION_CLERK.postOnce(PETITIONS, body);
			assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
			String uri = PETITIONS + "/" + registered.at("/id");
			LocalDate accepted = received.plusDays(3);
			LocalDate replied = accepted.plusDays(30);
			step(uri + "/accept", Map.of("acceptedOn", accepted.toString()));
			step(uri + "/reply", Map.of("repliedOn", replied.toString(), "resolution", "已协调解决，书面答复信访人"));
			if (p < 19) {
				step(uri + "/close", Map.of("closedOn", replied.plusDays(2).toString(), "satisfaction",
						(p % 4 == 3) ? "BASICALLY_SATISFIED" : "SATISFIED"));
				this.ledger.closedPetitions++;
			}
			else {
				// closed last of all, after the report has caught up: the freshness probe
				this.ledger.lastPetition = uri;
				this.ledger.lastPetitionClosedOn = replied.plusDays(2);
			}
			this.ledger.petition(township, persons, registered.at("/id"));
		}
		this.ledger.touch();
	}

	private static void step(String uri, Map<String, Object> body) {
		Gateway.Response response = PETITION_CLERK.post(uri, body);
		assertThat(response.status()).as(uri + " " + response).isEqualTo(200);
	}

	// helpers

	static JsonNode awaitJob(Gateway as, String location, Duration atMost) {
		assertThat(location).as("Location of the job").isNotNull();
		AtomicReference<JsonNode> job = new AtomicReference<>();
		await("job " + location).atMost(atMost).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
			job.set(as.get(location).json());
			assertThat(job.get().at("/status").asString()).as(job.get().toString()).isIn("SUCCEEDED", "FAILED");
		});
		return job.get();
	}

	/** Runs one step per item on {@code desks} threads; any failure fails the whole. */
	static <T> void parallel(List<T> items, int desks, Step<T> step) {
		ExecutorService pool = Executors.newFixedThreadPool(desks);
		try {
			List<Future<?>> done = new ArrayList<>();
			for (int i = 0; i < items.size(); i++) {
				T item = items.get(i);
				int index = i;
				done.add(pool.submit(() -> {
					step.run(item, index);
					return null;
				}));
			}
			for (Future<?> f : done) {
				f.get(5, TimeUnit.MINUTES);
			}
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
		finally {
			pool.shutdownNow();
		}
	}

	static BigDecimal wan(String wan) {
		return new BigDecimal(wan).movePointRight(4);
	}

	static String resource(String name) {
		try (var in = YearDrive.class.getClassLoader().getResourceAsStream("reference-year/" + name)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	interface Step<T> {

		void run(T item, int index) throws Exception;

	}

	/**
	 * A line of the bank file.
	 *
	 * @param lineRef 参考号
	 * @param idNumber 身份证号码
	 * @param name 姓名
	 * @param cardAccount 一卡通账号
	 * @param amount 金额
	 */
	record BankLine(String lineRef, String idNumber, String name, String cardAccount, BigDecimal amount) {
	}

	/**
	 * A project of the year's list, funded in full from one allocation; investment of its
	 * last report (both in 万元).
	 *
	 * @param code code
	 * @param type type
	 * @param township township
	 * @param village village
	 * @param documentNo 文号 of the allocation it draws from
	 * @param fundingWan funding
	 * @param investmentWan investment completed by the year's end
	 */
	record Planned(String code, String type, String township, String village, String documentNo, String fundingWan,
			String investmentWan) {

		/**
		 * 172 projects: 2 key villages (200万 each), 2 三峡后续 (66.5万 each), 168 more, 9197万
		 * invested in all.
		 */
		static List<Planned> implemented() {
			List<Planned> projects = new ArrayList<>();
			projects.add(new Planned("SD2024-ZD01", "KEY_VILLAGE", Register.JIULONGLING, "三合村", "湘移〔2024〕10号", "200",
					"200"));
			projects
				.add(new Planned("SD2024-ZD02", "KEY_VILLAGE", Register.SHASHI, "砂石居委会", "湘移〔2024〕10号", "200", "200"));
			for (int i = 1; i <= 2; i++) {
				projects.add(new Planned("SD2024-SX0" + i, "THREE_GORGES", Register.TOWNSHIPS[2 + i], "新塘村",
						"湘财农指〔2024〕30号", "66.5", "66.5"));
			}
			for (int i = 1; i <= 35; i++) {
				projects.add(new Planned("SD2024-JC%02d".formatted(i), "INFRASTRUCTURE", township(i), "村" + i,
						"湘财农指〔2024〕1号", "50", (i == 35) ? "48" : "50"));
			}
			for (int i = 1; i <= 40; i++) {
				projects.add(new Planned("SD2024-CY%02d".formatted(i), "INDUSTRY", township(i), "村" + i, "湘财农指〔2024〕2号",
						"69", "69"));
			}
			for (int i = 1; i <= 3; i++) {
				projects.add(new Planned("SD2024-TC0" + i, "PROMINENT_ISSUES", township(i), "村" + i, "湘移〔2024〕11号",
						"29", "29"));
			}
			projects
				.add(new Planned("SD2024-TC04", "PROMINENT_ISSUES", Register.SHASHI, "村4", "湘移〔2024〕25号", "33", "33"));
			for (int i = 1; i <= 2; i++) {
				projects.add(
						new Planned("SD2024-KN0" + i, "HARDSHIP_AID", township(i), "村" + i, "湘财社〔2024〕5号", "17", "17"));
			}
			for (int i = 1; i <= 87; i++) {
				projects.add(new Planned("SD2024-TX%02d".formatted(i), (i <= 80) ? "INFRASTRUCTURE" : "INDUSTRY",
						township(i), "村" + i, "湘财农指〔2024〕40号", "51.72", "46"));
			}
			return projects;
		}

		private static String township(int i) {
			return Register.TOWNSHIPS[i % Register.TOWNSHIPS.length];
		}

	}

	/** What the drive recorded: the report must state exactly this. */
	static final class Ledger {

		final Map<String, Person> persons = new HashMap<>();

		int registered;

		final Set<String> failedPersons = ConcurrentHashMap.newKeySet();

		final Set<String> paidPersons = ConcurrentHashMap.newKeySet();

		BigDecimal paidAmount = BigDecimal.ZERO;

		String batchId;

		final Set<String> adjusted = ConcurrentHashMap.newKeySet();

		final Set<String> removed = ConcurrentHashMap.newKeySet();

		/** ID number → migrant id of those who died after being paid. */
		final Map<String, String> died = new ConcurrentHashMap<>();

		final Map<String, JsonNode> claims = new ConcurrentHashMap<>();

		BigDecimal recovered = BigDecimal.ZERO;

		BigDecimal writtenOff = BigDecimal.ZERO;

		String openClaim;

		final Map<String, BigDecimal> allocatedByCategory = new LinkedHashMap<>();

		int allocations;

		final Map<String, String> projectIds = new ConcurrentHashMap<>();

		final Map<String, Integer> implementedByType = new ConcurrentHashMap<>();

		BigDecimal investment = BigDecimal.ZERO;

		BigDecimal assetIncome = BigDecimal.ZERO;

		BigDecimal previousYearDividends = BigDecimal.ZERO;

		/** category → {classes, persons, funds}. */
		final Map<String, BigDecimal[]> training = new LinkedHashMap<>();

		final List<String> classIds = new ArrayList<>();

		String classWithOtherTownship;

		int petitions;

		int petitionPersons;

		int closedPetitions;

		final Map<String, String> petitionTownships = new LinkedHashMap<>();

		String lastPetition;

		LocalDate lastPetitionClosedOn;

		/** When the drive last wrote something. */
		volatile Instant lastWrite = Instant.now();

		Ledger() {
			for (int i = 0; i < Register.PERSONS; i++) {
				Person p = Register.person(i);
				this.persons.put(p.idNumber(), p);
			}
		}

		Person byIdNumber(String idNumber) {
			return this.persons.get(idNumber);
		}

		void touch() {
			this.lastWrite = Instant.now();
		}

		synchronized void paid(String idNumber, BigDecimal amount) {
			this.paidPersons.add(idNumber);
			this.paidAmount = this.paidAmount.add(amount);
		}

		synchronized void recovered(BigDecimal amount) {
			this.recovered = this.recovered.add(amount);
		}

		synchronized void allocate(String category, BigDecimal amount) {
			this.allocatedByCategory.merge(category, amount, BigDecimal::add);
			this.allocations++;
		}

		BigDecimal allocatedTotal() {
			return this.allocatedByCategory.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
		}

		synchronized void implemented(Planned project, BigDecimal investment) {
			this.implementedByType.merge(project.type(), 1, Integer::sum);
			this.investment = this.investment.add(investment);
		}

		int implementedProjects() {
			return this.implementedByType.values().stream().mapToInt(Integer::intValue).sum();
		}

		synchronized void train(String category, int classes, int persons, BigDecimal funds) {
			BigDecimal[] figures = this.training.computeIfAbsent(category,
					(c) -> new BigDecimal[] { BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO });
			figures[0] = figures[0].add(BigDecimal.valueOf(classes));
			figures[1] = figures[1].add(BigDecimal.valueOf(persons));
			figures[2] = figures[2].add(funds);
		}

		int trainingPersonTimes() {
			return this.training.values().stream().mapToInt((f) -> f[1].intValue()).sum();
		}

		synchronized void petition(String township, int persons, String id) {
			this.petitions++;
			this.petitionPersons += persons;
			this.petitionTownships.put(id, township);
		}

		/**
		 * Active on 2024-12-31: everyone registered (all active by 2024-03-01) less
		 * removals.
		 */
		int activeAtYearEnd() {
			return this.registered - this.removed.size();
		}

	}

}
