package cn.resettlement.subsidy.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

import cn.resettlement.subsidy.Fixtures;
import cn.resettlement.subsidy.PopulationServiceInitializer;
import cn.resettlement.testsupport.IntegrationTest;
import cn.resettlement.testsupport.TestHttp;
import cn.resettlement.testsupport.TestIdNumbers;
import cn.resettlement.testsupport.TestInfrastructure;
import cn.resettlement.testsupport.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The 1M benchmark of issue 4, run on demand only (excluded from the normal test run):
 * {@code ./mvnw -f subsidy-service/pom.xml -Pbenchmark test} ({@code -Dbench.persons=N}
 * for another size). It seeds the real population-service's database directly with COPY
 * (N persons in N/4 households; faster than its CSV import, which is not what is
 * measured), then drives the real subsidy-service over HTTP against the real
 * population-service: generate + approve a batch of all N persons, export the bank file
 * (CSV and XLSX), record N results from the bank's return file (1% failed). Figures go to
 * {@code target/benchmark/subsidy.json}.
 */
@IntegrationTest
class SubsidyBenchmark {

	private static final String BASE = "/api/v1/subsidies";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	RestTestClient client;

	@Autowired
	JdbcClient jdbc;

	@LocalServerPort
	int port;

	private final Map<String, Object> figures = new LinkedHashMap<>();

	@Test
	void generateApproveExportAndRecordAMillionPersons() throws Exception {
		int persons = Integer.getInteger("bench.persons", 1_000_000);
		this.figures.put("persons", persons);
		this.figures.put("cores", Runtime.getRuntime().availableProcessors());
		this.figures.put("loadAverageAtStart", loadAverage());
		PopulationServiceInitializer.population();
		long seedStart = System.nanoTime();
		seedPopulation(persons);
		seconds("seedPopulationByCopy", seedStart);
		anchor(persons);

		Fixtures fixtures = new Fixtures(this.client);
		TestHttp staff = fixtures.staff();
		fixtures.policy(2025, "ANNUAL");

		long start = System.nanoTime();
		TestHttp.Response accepted = staff.post(BASE + "/batches", Map.of("year", 2025, "period", "2025"));
		assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
		// the request reads the first roster page: population-service snapshots the
		// roster
		seconds("generateRequestWithRosterSnapshot", start);
		JsonNode job = awaitJob(staff, accepted.headers().getLocation().getPath());
		assertThat(job.at("/status").asString()).as(job.toString()).isEqualTo("SUCCEEDED");
		double generate = seconds("generate", start);
		String batchId = accepted.at("/id");
		long approveStart = System.nanoTime();
		TestHttp.Response approved = fixtures.approve(batchId);
		double approve = seconds("approve", approveStart);
		this.figures.put("generateAndApproveSeconds", round(generate + approve));
		assertThat(approved.json().get("lineCount").asInt()).isEqualTo(persons);

		Path csv = Files.createTempFile("bank-", ".csv");
		long exportStart = System.nanoTime();
		download("/batches/" + batchId + "/bank-file?format=csv", csv);
		seconds("exportCsv", exportStart);
		this.figures.put("csvBytes", Files.size(csv));
		Path xlsx = Files.createTempFile("bank-", ".xlsx");
		long xlsxStart = System.nanoTime();
		download("/batches/" + batchId + "/bank-file?format=xlsx", xlsx);
		seconds("exportXlsx", xlsxStart);
		this.figures.put("xlsxBytes", Files.size(xlsx));

		byte[] returnFile = returnFile(csv);
		long recordStart = System.nanoTime();
		TestHttp.Response upload = staff.upload(BASE + "/batches/" + batchId + "/results", "回盘.csv", returnFile);
		assertThat(upload.status()).as(upload.toString()).isEqualTo(202);
		JsonNode results = awaitJob(staff, upload.headers().getLocation().getPath());
		seconds("recordResults", recordStart);
		assertThat(results.at("/status").asString()).as(results.toString()).isEqualTo("SUCCEEDED");
		assertThat(results.at("/result/applied").asLong()).isEqualTo(persons);
		this.figures.put("resultsPaid", results.at("/result/paid").asLong());
		this.figures.put("resultsFailed", results.at("/result/failed").asLong());

		anchorOutboxCopy(persons);
		long drainStart = System.nanoTime();
		await().atMost(Duration.ofMinutes(15))
			.pollInterval(Duration.ofSeconds(1))
			.until(() -> this.jdbc.sql("select count(*) from outbox_event where published_at is null")
				.query(Long.class)
				.single() == 0);
		seconds("outboxDrainAfterResults", drainStart);
		this.figures.put("loadAverageAtEnd", loadAverage());
		Files.deleteIfExists(csv);
		Files.deleteIfExists(xlsx);
		write();
	}

	/** Households and migrants straight into population's tables with COPY. */
	private void seedPopulation(int persons) throws Exception {
		TestInfrastructure.Database database = TestInfrastructure.database("population");
		try (Connection connection = database.connect()) {
			connection.setAutoCommit(false);
			var copy = connection.unwrap(PGConnection.class).getCopyAPI();
			int households = Math.max(1, persons / 4);
			UUID[] householdIds = new UUID[households];
			CopyIn in = copy.copyIn("copy household (id, household_no, township_code, village, reservoir, area_type, "
					+ "relocated_on, address, created_by, updated_by) from stdin (format csv)");
			StringBuilder rows = new StringBuilder(1 << 20);
			for (int h = 0; h < households; h++) {
				householdIds[h] = UUID.randomUUID();
				rows.append(householdIds[h])
					.append(",BH")
					.append(h)
					.append(',')
					.append(township(h))
					.append(",村")
					.append(h % 30)
					.append(",红旗水库,RESERVOIR_AREA,2001-05-01,,bench,bench\n");
				flush(in, rows, false);
			}
			flush(in, rows, true);
			in.endCopy();
			in = copy.copyIn("copy migrant (id, id_number, name, sex, birth_date, household_id, township_code, "
					+ "card_account, category, support_start, support_end, active_from, status, created_by, updated_by) "
					+ "from stdin (format csv)");
			for (int p = 0; p < persons; p++) {
				int h = p % households;
				String idNumber = TestIdNumbers.unique(LocalDate.of(1960, 1, 1).plusDays(p % 15_000));
				String birth = idNumber.substring(6, 10) + "-" + idNumber.substring(10, 12) + "-"
						+ idNumber.substring(12, 14);
				rows.append(UUID.randomUUID())
					.append(',')
					.append(idNumber)
					.append(",移民")
					.append(p)
					.append(",MALE,")
					.append(birth)
					.append(',')
					.append(householdIds[h])
					.append(',')
					.append(township(h))
					.append(",6217")
					.append(String.format("%012d", p))
					.append(",ORIGINAL,2006-07-01,2026-06-30,2001-05-01,ACTIVE,bench,bench\n");
				flush(in, rows, false);
			}
			flush(in, rows, true);
			in.endCopy();
			connection.commit();
			connection.setAutoCommit(true);
			try (Statement statement = connection.createStatement()) {
				statement.execute("analyze household");
				statement.execute("analyze migrant");
			}
		}
	}

	private static String township(int household) {
		return "4305821" + String.format("%02d", 1 + household % 20);
	}

	private static void flush(CopyIn in, StringBuilder rows, boolean always) throws Exception {
		if (always || rows.length() > (1 << 20)) {
			byte[] bytes = rows.toString().getBytes(StandardCharsets.UTF_8);
			in.writeToCopy(bytes, 0, bytes.length);
			rows.setLength(0);
		}
	}

	/** PostgreSQL's own speed in this run: INSERT … SELECT of N rows into a table. */
	private void anchor(int persons) {
		long start = System.nanoTime();
		this.jdbc
			.sql("create table bench_anchor as select g as id, md5(g::text) as payload "
					+ "from generate_series(1, ?) g")
			.param(persons)
			.update();
		seconds("anchorInsertSelect", start);
		this.jdbc.sql("drop table bench_anchor").update();
	}

	/**
	 * What writing the result events would cost with COPY instead of the outbox's batched
	 * INSERTs: N rows of the same size into a table shaped like outbox_event.
	 */
	private void anchorOutboxCopy(int persons) throws Exception {
		String payload = this.jdbc.sql("select payload from outbox_event order by position desc limit 1")
			.query(String.class)
			.single()
			.replace(",", ";");
		TestInfrastructure.Database database = TestInfrastructure.database("main");
		try (Connection connection = database.connect()) {
			connection.setAutoCommit(false);
			try (Statement statement = connection.createStatement()) {
				statement.execute("create table bench_outbox (like outbox_event including all)");
			}
			long start = System.nanoTime();
			CopyIn in = connection.unwrap(PGConnection.class)
				.getCopyAPI()
				.copyIn("copy bench_outbox (id, topic, aggregate_type, aggregate_id, event_type, payload, actor) "
						+ "from stdin (format csv, quote '|')");
			StringBuilder rows = new StringBuilder(1 << 20);
			for (int i = 0; i < persons; i++) {
				rows.append(UUID.randomUUID())
					.append(",resettlement.subsidy.v1,SubsidyLine,")
					.append(UUID.randomUUID())
					.append(",resettlement.subsidy.SubsidyPaid.v1,")
					.append(payload)
					.append(",alice\n");
				flush(in, rows, false);
			}
			flush(in, rows, true);
			in.endCopy();
			connection.commit();
			seconds("anchorCopyOutboxRows", start);
			connection.setAutoCommit(true);
			try (Statement statement = connection.createStatement()) {
				statement.execute("drop table bench_outbox");
			}
		}
	}

	private byte[] returnFile(Path bankFile) throws IOException {
		StringBuilder out = new StringBuilder("参考号,金额,状态,支付日期,失败原因\n");
		String today = Fixtures.today().toString();
		try (BufferedReader reader = Files.newBufferedReader(bankFile, StandardCharsets.UTF_8)) {
			reader.readLine();
			String line;
			int n = 0;
			while ((line = reader.readLine()) != null) {
				String[] cells = line.split(",");
				out.append(cells[0]).append(',').append(cells[4]);
				if (n++ % 100 == 99) {
					out.append(",FAILED,,账户已销户\n");
				}
				else {
					out.append(",PAID,").append(today).append(",\n");
				}
			}
		}
		return out.toString().getBytes(StandardCharsets.UTF_8);
	}

	private void download(String path, Path target) throws Exception {
		HttpResponse<Path> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + BASE + path))
				.header("Authorization", "Bearer " + TestTokens.staff("alice"))
				.timeout(Duration.ofMinutes(10))
				.build(), HttpResponse.BodyHandlers.ofFile(target));
		assertThat(response.statusCode()).isEqualTo(200);
	}

	private static JsonNode awaitJob(TestHttp http, String location) {
		JsonNode[] job = new JsonNode[1];
		await().atMost(Duration.ofMinutes(20)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
			TestHttp.Response response = http.get(location);
			assertThat(response.at("/status")).isIn("SUCCEEDED", "FAILED");
			job[0] = response.json();
		});
		return job[0];
	}

	private double seconds(String name, long startNanos) {
		double seconds = round((System.nanoTime() - startNanos) / 1e9);
		this.figures.put(name + "Seconds", seconds);
		System.out.println("[benchmark] " + name + ": " + seconds + " s");
		return seconds;
	}

	private static double round(double value) {
		return Math.round(value * 100) / 100.0;
	}

	private static String loadAverage() {
		try {
			return Files.readString(Path.of("/proc/loadavg")).trim();
		}
		catch (IOException ex) {
			return "n/a";
		}
	}

	private void write() throws IOException {
		Path out = Path.of("target", "benchmark", "subsidy.json");
		Files.createDirectories(out.getParent());
		Files.writeString(out, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(this.figures));
		System.out.println("[benchmark] " + this.figures);
	}

}
