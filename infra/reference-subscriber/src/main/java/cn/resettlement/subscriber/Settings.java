package cn.resettlement.subscriber;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

/**
 * What the subscriber reads and how.
 *
 * @param client Kafka client settings: {@code bootstrap.servers} and, for the production
 * listener, {@code security.protocol=SASL_SSL}, {@code sasl.*}, {@code ssl.*}
 * @param groupId consumer group; the province's ACLs allow only groups starting with
 * {@code province.}
 * @param topics topics to read
 * @param from where a partition starts when first assigned: {@code null} for the group's
 * committed offset (earliest for a new group), {@link Instant#MIN} for the beginning, or
 * an instant (the first event published at or after it)
 * @param seenIds file of processed event ids
 * @param exitWhenIdle stop after this long without a message ({@code null}: run until
 * stopped)
 * @param failOnInvalid exit with status 1 when a message was invalid
 */
record Settings(Properties client, String groupId, List<String> topics, Instant from, Path seenIds,
		Duration exitWhenIdle, boolean failOnInvalid) {

	static final List<String> LIVE_TOPICS = List.of("resettlement.population.v1", "resettlement.subsidy.v1",
			"resettlement.project.v1", "resettlement.training.v1", "resettlement.petition.v1");

	static final String USAGE = """
			Usage: java -jar reference-subscriber.jar [options]
			  --bootstrap-server HOST:PORT   broker(s) (or bootstrap.servers in --command-config)
			  --command-config FILE          Kafka client properties (SASL_SSL, credentials, trust store)
			  --group ID                     consumer group (default province.reference)
			  --topics T1,T2                 topics (default: the five live topics)
			  --from beginning|DATE|INSTANT  where to start a partition the first time it is assigned:
			                                 the beginning, a date (00:00 Asia/Shanghai) or an instant
			                                 (2024-03-01T00:00:00Z); default: the group's committed offset
			  --seen-ids FILE                processed event ids (default seen-ids.txt)
			  --exit-when-idle SECONDS       stop after SECONDS without a message (default: run until stopped)
			  --fail-on-invalid              exit 1 if any message broke its schema
			Valid new events go to stdout, one JSON object per line; duplicates, invalid messages and a
			summary go to stderr.""";

	static Settings parse(String... args) {
		Properties client = new Properties();
		String group = "province.reference";
		List<String> topics = LIVE_TOPICS;
		Instant from = null;
		Path seen = Path.of("seen-ids.txt");
		Duration idle = null;
		boolean failOnInvalid = false;
		String bootstrap = null;
		for (int i = 0; i < args.length; i++) {
			String arg = args[i];
			switch (arg) {
				case "--bootstrap-server" -> bootstrap = value(args, ++i, arg);
				case "--command-config" -> client.putAll(load(Path.of(value(args, ++i, arg))));
				case "--group" -> group = value(args, ++i, arg);
				case "--topics" -> topics = new ArrayList<>(Arrays.asList(value(args, ++i, arg).split(",")));
				case "--from" -> from = instant(value(args, ++i, arg));
				case "--seen-ids" -> seen = Path.of(value(args, ++i, arg));
				case "--exit-when-idle" -> idle = Duration.ofSeconds(Long.parseLong(value(args, ++i, arg)));
				case "--fail-on-invalid" -> failOnInvalid = true;
				default -> throw new IllegalArgumentException("Unknown option " + arg + "\n" + USAGE);
			}
		}
		if (bootstrap != null) {
			client.setProperty("bootstrap.servers", bootstrap);
		}
		if (!client.containsKey("bootstrap.servers")) {
			throw new IllegalArgumentException("Say where the broker is: --bootstrap-server\n" + USAGE);
		}
		return new Settings(client, group, List.copyOf(topics), from, seen, idle, failOnInvalid);
	}

	/** {@code beginning}, a date (start of the day in Asia/Shanghai) or an instant. */
	static Instant instant(String text) {
		if (text.equals("beginning")) {
			return Instant.MIN;
		}
		if (text.length() == 10) {
			return LocalDate.parse(text).atStartOfDay(ZoneId.of("Asia/Shanghai")).toInstant();
		}
		return Instant.parse(text);
	}

	private static String value(String[] args, int i, String option) {
		if (i >= args.length) {
			throw new IllegalArgumentException(option + " needs a value\n" + USAGE);
		}
		return args[i];
	}

	private static Properties load(Path file) {
		Properties properties = new Properties();
		try (InputStream in = Files.newInputStream(file)) {
			properties.load(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + file, ex);
		}
		return properties;
	}

}
