package cn.resettlement.systemtest;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The provincial subscriber's two ways of reading the platform's topics
 * (docs/provincial-subscriber.md), run as a subscriber runs them: the reference
 * subscriber's jar (a plain Kafka consumer that validates every message against the
 * published schemas) and Debian's kcat.
 */
final class Subscribers {

	static final String BOOTSTRAP = "127.0.0.1:9092";

	static final List<String> TOPICS = List.of("resettlement.population.v1", "resettlement.subsidy.v1",
			"resettlement.project.v1", "resettlement.training.v1", "resettlement.petition.v1");

	private Subscribers() {
	}

	/**
	 * Every event of the five topics from the beginning, as the reference subscriber
	 * emits them; fails when it reports an invalid message (exit code 1 with
	 * {@code --fail-on-invalid}).
	 */
	static List<JsonNode> referenceSubscriber() throws IOException, InterruptedException {
		Path root = Path.of("").toAbsolutePath().resolve("../..").normalize();
		Path jar = root.resolve("infra/reference-subscriber/target/reference-subscriber.jar");
		assertThat(jar).as("the reference subscriber is built before this module (./mvnw -B verify)").exists();
		Path work = Platform.work();
		Path log = work.resolve("reference-subscriber.log");
		Path seen = work.resolve("reference-subscriber-seen-ids.txt");
		Files.deleteIfExists(seen);
		Process process = new ProcessBuilder("java", "-jar", jar.toString(), "--bootstrap-server", BOOTSTRAP,
				"--topics", String.join(",", TOPICS), "--from", "beginning", "--exit-when-idle", "10",
				"--fail-on-invalid", "--seen-ids", seen.toString(), "--group",
				"province.system-test-" + UUID.randomUUID())
			.redirectError(log.toFile())
			.start();
		List<JsonNode> events = new ArrayList<>();
		try (BufferedReader out = process.inputReader(StandardCharsets.UTF_8)) {
			for (String line = out.readLine(); line != null; line = out.readLine()) {
				events.add(Gateway.JSON.readTree(line));
			}
		}
		assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("the subscriber stops when idle").isTrue();
		assertThat(process.exitValue()).as(Files.readString(log, StandardCharsets.UTF_8)).isZero();
		return events;
	}

	/** kcat on the PATH, or {@code null}. */
	static Path kcat() {
		return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
			.map((dir) -> Path.of(dir, "kcat"))
			.filter(Files::isExecutable)
			.findFirst()
			.orElse(null);
	}

	/** The CloudEvents ids of every message of the topics, as kcat prints them. */
	static List<String> kcatIds(Path kcat) throws IOException, InterruptedException {
		List<String> ids = new ArrayList<>();
		for (String topic : TOPICS) {
			Process process = new ProcessBuilder(kcat.toString(), "-C", "-b", BOOTSTRAP, "-t", topic, "-o", "beginning",
					"-e", "-q", "-f", "%s\\n")
				.redirectError(Platform.work().resolve("kcat.log").toFile())
				.start();
			try (BufferedReader out = process.inputReader(StandardCharsets.UTF_8)) {
				for (String line = out.readLine(); line != null; line = out.readLine()) {
					if (!line.isBlank()) {
						ids.add(Gateway.JSON.readTree(line).get("id").asString());
					}
				}
			}
			assertThat(process.waitFor(2, TimeUnit.MINUTES)).as("kcat stops at the end of " + topic).isTrue();
			assertThat(process.exitValue()).as("kcat on " + topic).isZero();
		}
		return ids;
	}

}
