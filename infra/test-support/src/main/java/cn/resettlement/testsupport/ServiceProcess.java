package cn.resettlement.testsupport;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/**
 * Another service of the platform, run for real as its own process from its executable
 * jar ({@code <artifact>-<version>-exec.jar}, put on the test class path by a test-scoped
 * dependency with classifier {@code exec}), against its own fresh database and the test
 * JVM's Kafka broker. Tests can kill it ({@code kill -9}) and start it again on the same
 * port.
 */
public final class ServiceProcess implements AutoCloseable {

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final String artifactId;

	private final Path jar;

	private final Map<String, String> environment;

	private final int port;

	private final Path log;

	private Process process;

	private ServiceProcess(String artifactId, Path jar, Map<String, String> environment, int port) {
		this.artifactId = artifactId;
		this.jar = jar;
		this.environment = environment;
		this.port = port;
		this.log = Path.of("target", artifactId + "-" + port + ".log");
	}

	/**
	 * Starts a service and waits until it is ready.
	 * @param artifactId e.g. {@code population-service}
	 * @param extraEnvironment more environment variables (they win over the defaults)
	 */
	public static ServiceProcess start(String artifactId, Map<String, String> extraEnvironment) {
		TestInfrastructure.Database database = TestInfrastructure.database(artifactId.replace("-service", ""));
		Map<String, String> environment = new HashMap<>();
		int port = freePort();
		environment.put("PORT", String.valueOf(port));
		environment.put("DATABASE_URL", database.url());
		environment.put("DATABASE_USER", database.username());
		environment.put("DATABASE_PASSWORD", database.password());
		environment.put("KAFKA_BOOTSTRAP_SERVERS", TestInfrastructure.kafkaBootstrapServers());
		environment.put("JWT_DEV_KEY", "true");
		environment.putAll(extraEnvironment);
		ServiceProcess service = new ServiceProcess(artifactId, executableJar(artifactId), environment, port);
		service.startAgain();
		Runtime.getRuntime().addShutdownHook(new Thread(service::close, "stop-" + artifactId));
		return service;
	}

	public String baseUrl() {
		return "http://127.0.0.1:" + this.port;
	}

	public int port() {
		return this.port;
	}

	/** Kills the process at once, like {@code kill -9}. */
	public synchronized void kill() {
		if (this.process != null) {
			this.process.destroyForcibly();
			try {
				this.process.waitFor(30, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			this.process = null;
		}
	}

	/** Starts the service (again) on its port and waits for its readiness probe. */
	public synchronized void startAgain() {
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
						"-XX:TieredStopAtLevel=1", "-jar", this.jar.toString()));
		try {
			Files.createDirectories(this.log.getParent());
			ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(this.log.toFile()));
			builder.environment().putAll(this.environment);
			this.process = builder.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250)).until(() -> {
			if (!this.process.isAlive()) {
				throw new IllegalStateException(
						this.artifactId + " exited during start-up; see " + this.log.toAbsolutePath());
			}
			return ready();
		});
	}

	private boolean ready() {
		try {
			HttpResponse<Void> response = HTTP
				.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health/readiness"))
					.timeout(Duration.ofSeconds(2))
					.build(), HttpResponse.BodyHandlers.discarding());
			return response.statusCode() == 200;
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	private static Path executableJar(String artifactId) {
		return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
			.filter((entry) -> entry.matches(".*[/\\\\]" + artifactId + "-[^/\\\\]*-exec\\.jar"))
			.map(Path::of)
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("No " + artifactId + "-*-exec.jar on the test class path: add "
					+ "a test dependency on cn.resettlement:" + artifactId + " with <classifier>exec</classifier>"));
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void close() {
		kill();
	}

}
