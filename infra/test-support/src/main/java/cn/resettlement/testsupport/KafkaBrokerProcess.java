package cn.resettlement.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/**
 * A real Kafka broker (KRaft, combined mode) in its own JVM, from the Kafka jars on the
 * test class path, with its own data folder. Tests can kill it and start it again on the
 * same port and data, which an in-JVM broker cannot do: a real outage.
 */
public final class KafkaBrokerProcess implements AutoCloseable {

	private final Path dataDir;

	private final int port;

	private final int controllerPort;

	private Process process;

	private KafkaBrokerProcess(Path dataDir, int port, int controllerPort) {
		this.dataDir = dataDir;
		this.port = port;
		this.controllerPort = controllerPort;
	}

	/** Formats a data folder and starts a broker on free ports. */
	public static KafkaBrokerProcess start() {
		try {
			KafkaBrokerProcess broker = new KafkaBrokerProcess(Files.createTempDirectory("kafka-broker-"), freePort(),
					freePort());
			broker.format();
			broker.startAgain();
			Runtime.getRuntime().addShutdownHook(new Thread(broker::close, "kafka-process-stop"));
			return broker;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public String bootstrapServers() {
		return "127.0.0.1:" + this.port;
	}

	/** Kills the broker (like {@code kill -9}) and waits until its port is closed. */
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
		await().atMost(Duration.ofSeconds(30)).until(() -> !listening(this.port));
	}

	/**
	 * Starts the broker on the same port and data folder; waits until it accepts
	 * connections.
	 */
	public synchronized void startAgain() {
		this.process = java("kafka.Kafka", this.dataDir.resolve("server.properties").toString());
		await().atMost(Duration.ofSeconds(60)).until(() -> {
			if (!this.process.isAlive()) {
				throw new IllegalStateException("Kafka broker exited; see " + this.dataDir.resolve("broker.log"));
			}
			return listening(this.port);
		});
	}

	private void format() throws IOException {
		Path logs = this.dataDir.resolve("logs");
		Files.createDirectories(logs);
		Files.writeString(this.dataDir.resolve("server.properties"),
				String.join("\n", "process.roles=broker,controller", "node.id=1",
						"controller.quorum.voters=1@127.0.0.1:" + this.controllerPort,
						"listeners=PLAINTEXT://127.0.0.1:" + this.port + ",CONTROLLER://127.0.0.1:"
								+ this.controllerPort,
						"advertised.listeners=PLAINTEXT://127.0.0.1:" + this.port,
						"controller.listener.names=CONTROLLER",
						"listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT", "log.dirs=" + logs,
						"num.partitions=12", "offsets.topic.replication.factor=1",
						"transaction.state.log.replication.factor=1", "transaction.state.log.min.isr=1",
						"group.initial.rebalance.delay.ms=0", "auto.create.topics.enable=true"));
		Process format = java("kafka.tools.StorageTool", "format", "-t", UUID.randomUUID().toString().substring(0, 22),
				"-c", this.dataDir.resolve("server.properties").toString());
		try {
			if (!format.waitFor(60, TimeUnit.SECONDS) || format.exitValue() != 0) {
				throw new IllegalStateException("Formatting the Kafka data folder failed; see " + this.dataDir);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private Process java(String mainClass, String... args) {
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx384m", "-cp",
						System.getProperty("java.class.path"), mainClass));
		command.addAll(List.of(args));
		try {
			return new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(this.dataDir.resolve("broker.log").toFile()))
				.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static boolean listening(int port) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	@Override
	public synchronized void close() {
		if (this.process != null) {
			this.process.destroyForcibly();
			this.process = null;
		}
	}

}
