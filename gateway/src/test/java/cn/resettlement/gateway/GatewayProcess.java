package cn.resettlement.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/**
 * The gateway as it runs in production: its executable jar in its own JVM, configured
 * only through environment variables, with its console log in a file the tests read.
 */
final class GatewayProcess implements AutoCloseable {

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final int port;

	private final Path log;

	private final Process process;

	private GatewayProcess(int port, Path log, Process process) {
		this.port = port;
		this.log = log;
		this.process = process;
	}

	static GatewayProcess start(Map<String, String> environment) {
		int port = freePort();
		Path log = Path.of("target", "gateway-it-" + port + ".log");
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
						"-XX:TieredStopAtLevel=1", "-jar", jar().toString()));
		try {
			Files.createDirectories(log.getParent());
			ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
			builder.environment().putAll(environment);
			builder.environment().put("PORT", String.valueOf(port));
			GatewayProcess gateway = new GatewayProcess(port, log, builder.start());
			Runtime.getRuntime().addShutdownHook(new Thread(gateway::close, "stop-gateway"));
			gateway.awaitReady();
			return gateway;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	String baseUrl() {
		return "http://127.0.0.1:" + this.port;
	}

	/** The gateway's console output so far. */
	String log() {
		try {
			return Files.readString(this.log, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void awaitReady() {
		await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(250)).until(() -> {
			if (!this.process.isAlive()) {
				throw new IllegalStateException("The gateway exited during start-up; see " + this.log.toAbsolutePath());
			}
			try {
				return HTTP
					.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health/readiness"))
						.timeout(Duration.ofSeconds(2))
						.build(), HttpResponse.BodyHandlers.discarding())
					.statusCode() == 200;
			}
			catch (IOException ex) {
				return false;
			}
		});
	}

	private static Path jar() {
		String configured = System.getProperty("gateway.jar");
		Path jar = (configured != null) ? Path.of(configured) : Path.of("target", "gateway-1.0.0-SNAPSHOT-exec.jar");
		if (!Files.isRegularFile(jar)) {
			throw new IllegalStateException("No gateway jar at " + jar.toAbsolutePath() + ": run ./mvnw verify (the "
					+ "integration tests run after packaging)");
		}
		return jar;
	}

	static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void close() {
		this.process.destroy();
		try {
			if (!this.process.waitFor(20, TimeUnit.SECONDS)) {
				this.process.destroyForcibly();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
