package cn.resettlement.systemtest;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The whole platform, started once per test JVM with the no-Docker runner
 * ({@code infra/local/platform up}) and stopped with {@code infra/local/platform down}
 * when the JVM's tests are done (or the JVM exits).
 * <p>
 * It never disturbs a developer's platform data: {@code RESETTLEMENT_HOME} (Kafka's data,
 * pid files, logs) lies under this module's {@code target/system-test/home}, and the
 * databases carry the prefix {@value #DATABASE_PREFIX} (the runner's
 * {@code DATABASE_PREFIX}); both are dropped before the start, so every run begins empty.
 * The fixed ports (8080-8086, 9092) cannot be shared: a platform already running makes
 * the runner refuse to start.
 */
public final class Platform implements BeforeAllCallback, ExtensionContext.Store.CloseableResource, AutoCloseable {

	static final String DATABASE_PREFIX = "systest_";

	static final List<String> DATABASES = List.of("population", "subsidy", "project", "training", "petition",
			"reporting");

	private static final Duration UP_TIMEOUT = Duration.ofMinutes(7);

	static final String JAVA_OPTS = "-Xmx512m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC";

	private static final Object LOCK = new Object();

	private static Platform started;

	private final Path root;

	private final Path work;

	private final Path home;

	private boolean down;

	private Platform() {
		this.root = Path.of(System.getProperty("system-test.root", "../..")).toAbsolutePath().normalize();
		this.work = Path.of(System.getProperty("system-test.home", "target/system-test")).toAbsolutePath().normalize();
		this.home = this.work.resolve("home");
	}

	@Override
	public void beforeAll(ExtensionContext context) throws Exception {
		synchronized (LOCK) {
			if (started == null) {
				Platform platform = new Platform();
				platform.up();
				started = platform;
				context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).put(Platform.class.getName(), platform);
				Runtime.getRuntime().addShutdownHook(new Thread(platform::close, "platform-down"));
			}
		}
	}

	static Path work() {
		return Path.of(System.getProperty("system-test.home", "target/system-test")).toAbsolutePath().normalize();
	}

	private void up() throws IOException, InterruptedException {
		Files.createDirectories(this.work);
		// a fresh start: Kafka's data, pid files and logs of an earlier run go (the
		// resolved Kafka classpath stays, it only names jars)
		deleteTree(this.home.resolve("kafka/data"));
		deleteTree(this.home.resolve("run"));
		deleteTree(this.home.resolve("logs"));
		Files.deleteIfExists(this.work.resolve("drop-databases.log"));
		for (String database : DATABASES) {
			run(List.of("psql", "-v", "ON_ERROR_STOP=1", "-d", "postgres", "-qc",
					"drop database if exists " + DATABASE_PREFIX + database + " with (force)"),
					this.work.resolve("drop-databases.log"), Duration.ofMinutes(1));
		}
		long start = System.nanoTime();
		Path log = this.work.resolve("platform-up.log");
		Files.deleteIfExists(log);
		int exit = run(List.of(this.root.resolve("infra/local/platform").toString(), "up"), log, UP_TIMEOUT);
		long millis = (System.nanoTime() - start) / 1_000_000;
		String output = Files.readString(log, StandardCharsets.UTF_8);
		if (exit != 0) {
			close();
			throw new IllegalStateException("infra/local/platform up failed (exit " + exit + "):\n" + output
					+ "\nService logs: " + this.home.resolve("logs"));
		}
		Timings.record("platformUpMillis", millis);
		Matcher runnerSeconds = java.util.regex.Pattern.compile("Platform up in (\\d+) s").matcher(output);
		if (runnerSeconds.find()) {
			Timings.record("platformUpSecondsByRunner", Long.parseLong(runnerSeconds.group(1)));
		}
	}

	/**
	 * Kills a service of the running platform with SIGKILL (no shutdown hook, no graceful
	 * stop: what a crash or an OOM killer does).
	 */
	static void kill(String service) throws IOException {
		long pid = Long.parseLong(Files.readString(started.home.resolve("run/" + service + ".pid")).strip());
		ProcessHandle process = ProcessHandle.of(pid).orElseThrow();
		process.destroyForcibly();
		process.onExit().join();
	}

	/** Runs the runner's {@code up} again: it starts what is not running and waits. */
	static void upAgain() throws IOException, InterruptedException {
		Path log = started.work.resolve("platform-up-again.log");
		int exit = started.run(List.of(started.root.resolve("infra/local/platform").toString(), "up"), log, UP_TIMEOUT);
		if (exit != 0) {
			throw new IllegalStateException("infra/local/platform up failed again (exit " + exit + "):\n"
					+ Files.readString(log, StandardCharsets.UTF_8));
		}
	}

	/**
	 * Stops the runner's Kafka broker as {@code infra/local/platform down} does (SIGTERM,
	 * a controlled shutdown) and waits until the process has exited.
	 * @return the broker's pid
	 */
	static long stopKafka() throws IOException {
		long pid = Long.parseLong(Files.readString(started.home.resolve("run/kafka.pid")).strip());
		ProcessHandle process = ProcessHandle.of(pid).orElseThrow();
		process.destroy();
		try {
			process.onExit().get(2, TimeUnit.MINUTES);
		}
		catch (java.util.concurrent.TimeoutException ex) {
			process.destroyForcibly();
			process.onExit().join();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		catch (java.util.concurrent.ExecutionException ex) {
			throw new IllegalStateException(ex);
		}
		return pid;
	}

	/**
	 * Starts only the Kafka broker again: the runner's {@code up} with
	 * {@code SERVICES=none} and the same {@code RESETTLEMENT_HOME} and port, so the
	 * broker finds its data folder (and its formatted {@code meta.properties}, so the
	 * same cluster id) where it left it.
	 * @return the new broker's pid
	 */
	static long startKafka() throws IOException, InterruptedException {
		Path log = started.work.resolve("platform-kafka-again.log");
		int exit = started.run(List.of(started.root.resolve("infra/local/platform").toString(), "up"), log, UP_TIMEOUT,
				Map.of("SERVICES", "none"));
		if (exit != 0) {
			throw new IllegalStateException("infra/local/platform up (SERVICES=none) failed (exit " + exit + "):\n"
					+ Files.readString(log, StandardCharsets.UTF_8));
		}
		return Long.parseLong(Files.readString(started.home.resolve("run/kafka.pid")).strip());
	}

	/**
	 * The cluster id Kafka's storage was formatted with (its data folder's
	 * meta.properties).
	 */
	static String kafkaClusterId() throws IOException {
		for (String line : Files.readAllLines(started.home.resolve("kafka/data/meta.properties"))) {
			if (line.startsWith("cluster.id=")) {
				return line.substring("cluster.id=".length()).strip();
			}
		}
		throw new IllegalStateException("no cluster.id in Kafka's meta.properties");
	}

	@Override
	public synchronized void close() {
		if (this.down) {
			return;
		}
		this.down = true;
		long start = System.nanoTime();
		try {
			Path log = this.work.resolve("platform-down.log");
			Files.deleteIfExists(log);
			run(List.of(this.root.resolve("infra/local/platform").toString(), "down"), log, Duration.ofMinutes(2));
			Timings.record("platformDownMillis", (System.nanoTime() - start) / 1_000_000);
			Timings.write();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private int run(List<String> command, Path log, Duration timeout) throws IOException, InterruptedException {
		return run(command, log, timeout, Map.of());
	}

	private int run(List<String> command, Path log, Duration timeout, Map<String, String> extraEnv)
			throws IOException, InterruptedException {
		ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(command)).directory(this.root.toFile())
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
		Map<String, String> env = builder.environment();
		env.put("RESETTLEMENT_HOME", this.home.toString());
		env.put("DATABASE_PREFIX", DATABASE_PREFIX);
		env.putIfAbsent("PGHOST", "127.0.0.1");
		env.putIfAbsent("PGPORT", "5432");
		env.putIfAbsent("PGUSER", "postgres");
		env.putIfAbsent("START_TIMEOUT", "360");
		// nine JVMs on two cores: C1 only and the serial collector start faster and leave
		// the cores to the work (override with -Dsystem-test.java-opts)
		env.put("JAVA_OPTS", System.getProperty("system-test.java-opts", JAVA_OPTS));
		env.putAll(extraEnv);
		Process process = builder.start();
		if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
			process.descendants().forEach(ProcessHandle::destroy);
			process.destroy();
			return -1;
		}
		return process.exitValue();
	}

	private static void deleteTree(Path path) throws IOException {
		if (!Files.exists(path)) {
			return;
		}
		try (Stream<Path> files = Files.walk(path)) {
			files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
		}
	}

}
