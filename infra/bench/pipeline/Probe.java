import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Write-to-report lag probe of the event-pipeline benchmark (run with the PostgreSQL driver on the class
 * path, as a source file): registers one migrant through population-service's HTTP API every INTERVAL ms
 * (one MigrantRegistered event each) and polls reporting-service's read model (rm_migrant) every POLL ms
 * until each migrant shows there. Runs for SECONDS, or until STOP_FILE exists when SECONDS is 0, then waits
 * up to 120 s for the last ones.
 *
 * Writes one line per probe to OUT: seq, migrantId, sentMs, committedMs (the 201 response), visibleMs
 * (epoch milliseconds; visibleMs -1 when never seen).
 *
 * usage: java -cp postgresql.jar Probe.java POPULATION_URL TOKEN REPORTING_JDBC_URL INTERVAL_MS POLL_MS SECONDS
 * STOP_FILE OUT ID_OFFSET [UNIT_CODE=430582]
 */
public class Probe {

	private static final int[] WEIGHTS = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };

	private static final String CHECK = "10X98765432";

	private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");

	record Sample(int seq, String migrantId, long sentMs, long committedMs) {
	}

	public static void main(String[] args) throws Exception {
		String base = args[0];
		String token = args[1];
		String jdbcUrl = args[2];
		long interval = Long.parseLong(args[3]);
		long poll = Long.parseLong(args[4]);
		long seconds = Long.parseLong(args[5]);
		Path stop = Path.of(args[6]);
		Path out = Path.of(args[7]);
		int idOffset = Integer.parseInt(args[8]);
		String unitCode = (args.length > 9) ? args[9] : "430582";

		HttpClient http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(5))
			.build();
		String household = post(http, base + "/api/v1/population/households", token,
				"{\"householdNo\":\"PROBE-" + System.currentTimeMillis() + "\",\"townshipCode\":\"430582101\","
						+ "\"village\":\"三合村\",\"areaType\":\"RESERVOIR_AREA\",\"relocatedOn\":\"2010-05-01\"}");

		Map<String, Sample> pending = new ConcurrentHashMap<>();
		Map<Integer, Long> visible = new ConcurrentHashMap<>();
		List<Sample> samples = new ArrayList<>();
		var writerDone = new java.util.concurrent.atomic.AtomicBoolean();

		Thread poller = new Thread(() -> {
			// planned at every execution: a plan cached while rm_migrant was nearly empty (a sequential scan)
			// would otherwise be kept while the import grows the table, and the probe would measure its own poll
			String url = jdbcUrl + (jdbcUrl.contains("?") ? "&" : "?") + "prepareThreshold=0";
			try (Connection db = DriverManager.getConnection(url, "postgres", "");
					PreparedStatement query = db
						.prepareStatement("select migrant_id::text from rm_migrant where unit_code = ? and migrant_id = any(?::uuid[])")) {
				// the primary key is (unit_code, migrant_id): without the unit the poll scans the table
				query.setString(1, unitCode);
				long deadline = Long.MAX_VALUE;
				while (true) {
					if (writerDone.get() && deadline == Long.MAX_VALUE) {
						deadline = System.currentTimeMillis() + 120_000;
					}
					if (!pending.isEmpty()) {
						Array ids = db.createArrayOf("text", pending.keySet().toArray());
						query.setArray(2, ids);
						// the query's snapshot is taken when it starts: what it finds was visible by then
						long now = System.currentTimeMillis();
						try (ResultSet rs = query.executeQuery()) {
							while (rs.next()) {
								Sample s = pending.remove(rs.getString(1));
								if (s != null) {
									visible.put(s.seq(), now);
								}
							}
						}
					}
					if (writerDone.get() && (pending.isEmpty() || System.currentTimeMillis() > deadline)) {
						return;
					}
					Thread.sleep(poll);
				}
			}
			catch (SQLException | InterruptedException ex) {
				throw new IllegalStateException(ex);
			}
		}, "poller");
		poller.start();

		long start = System.currentTimeMillis();
		long next = start;
		for (int seq = 0;; seq++) {
			long now = System.currentTimeMillis();
			if ((seconds > 0 && now - start >= seconds * 1000) || (seconds == 0 && Files.exists(stop))) {
				break;
			}
			if (next > now) {
				Thread.sleep(next - now);
			}
			next += interval;
			long sent = System.currentTimeMillis();
			String body = "{\"idNumber\":\"" + idNumber(idOffset + seq) + "\",\"name\":\"探针\",\"householdId\":\""
					+ household + "\",\"cardAccount\":\"6217000012345678\"}";
			String migrant = post(http, base + "/api/v1/population/migrants", token, body);
			long committed = System.currentTimeMillis();
			Sample sample = new Sample(seq, migrant, sent, committed);
			samples.add(sample);
			pending.put(migrant, sample);
		}
		writerDone.set(true);
		poller.join();
		try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(out))) {
			for (Sample s : samples) {
				w.printf("%d\t%s\t%d\t%d\t%d%n", s.seq(), s.migrantId(), s.sentMs(), s.committedMs(),
						visible.getOrDefault(s.seq(), -1L));
			}
		}
		System.out.printf("probe: %d written, %d not seen%n", samples.size(), pending.size());
	}

	/** A valid GB 11643 number of a Beijing address code (the generated rosters use 43xxxx): never a duplicate. */
	static String idNumber(int n) {
		java.time.LocalDate birth = java.time.LocalDate.of(1950, 1, 1).plusDays(n / 500);
		String first17 = String.format("110101%s%03d", birth.toString().replace("-", ""), n % 500 * 2 + 1);
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += (first17.charAt(i) - '0') * WEIGHTS[i];
		}
		return first17 + CHECK.charAt(sum % 11);
	}

	static String post(HttpClient http, String url, String token, String json)
			throws IOException, InterruptedException {
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "application/json")
			.timeout(Duration.ofSeconds(60))
			.POST(HttpRequest.BodyPublishers.ofString(json))
			.build(), HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 201) {
			throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
		}
		Matcher m = ID.matcher(response.body());
		if (!m.find()) {
			throw new IllegalStateException("no id in " + response.body());
		}
		return m.group(1);
	}

}
