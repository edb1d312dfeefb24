package cn.resettlement.testsupport;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * Where tests find PostgreSQL and Kafka, decided once per test JVM in this order:
 * <ol>
 * <li>connection settings from the environment: {@code TEST_DATABASE_URL} (with
 * {@code TEST_DATABASE_USER}, {@code TEST_DATABASE_PASSWORD}) and
 * {@code TEST_KAFKA_BOOTSTRAP_SERVERS};</li>
 * <li>Testcontainers, when a Docker engine answers;</li>
 * <li>otherwise the local PostgreSQL on 127.0.0.1:5432 (a fresh database per test run,
 * dropped when the JVM exits) and one in-JVM KRaft broker per test JVM.</li>
 * </ol>
 */
public final class TestInfrastructure {

	public enum Mode {

		ENVIRONMENT, CONTAINERS, LOCAL

	}

	private static final String LOCAL_ADMIN_URL = System.getenv()
		.getOrDefault("TEST_LOCAL_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/postgres");

	private static final String LOCAL_USER = System.getenv().getOrDefault("TEST_LOCAL_POSTGRES_USER", "postgres");

	private static final String LOCAL_PASSWORD = System.getenv().getOrDefault("TEST_LOCAL_POSTGRES_PASSWORD", "");

	private static volatile Mode mode;

	private static volatile EmbeddedKafkaKraftBroker broker;

	private static volatile PostgreSQLContainer postgresContainer;

	private static volatile KafkaContainer kafkaContainer;

	private static final Map<String, Database> databases = new ConcurrentHashMap<>();

	private TestInfrastructure() {
	}

	public static synchronized Mode mode() {
		if (mode == null) {
			if (System.getenv("TEST_DATABASE_URL") != null && System.getenv("TEST_KAFKA_BOOTSTRAP_SERVERS") != null) {
				mode = Mode.ENVIRONMENT;
			}
			else if (dockerAvailable()) {
				mode = Mode.CONTAINERS;
			}
			else {
				mode = Mode.LOCAL;
			}
		}
		return mode;
	}

	/**
	 * The database for this test JVM (or a named extra one, e.g. for a context with its
	 * own broker).
	 */
	public static Database database(String purpose) {
		if (mode() == Mode.ENVIRONMENT) {
			return new Database(System.getenv("TEST_DATABASE_URL"),
					System.getenv().getOrDefault("TEST_DATABASE_USER", ""),
					System.getenv().getOrDefault("TEST_DATABASE_PASSWORD", ""));
		}
		if (mode() == Mode.CONTAINERS) {
			PostgreSQLContainer container = postgresContainer();
			if (purpose.equals("main")) {
				return new Database(container.getJdbcUrl(), container.getUsername(), container.getPassword());
			}
			return databases.computeIfAbsent(purpose,
					(p) -> createDatabase(p, container.getJdbcUrl(), container.getUsername(), container.getPassword()));
		}
		return databases.computeIfAbsent(purpose,
				(p) -> createDatabase(p, LOCAL_ADMIN_URL, LOCAL_USER, LOCAL_PASSWORD));
	}

	/** The PostgreSQL container shared by every context of this JVM (Docker mode). */
	public static synchronized PostgreSQLContainer postgresContainer() {
		if (postgresContainer == null) {
			PostgreSQLContainer container = new PostgreSQLContainer(TestInfrastructureConfiguration.POSTGRES_IMAGE);
			container.start();
			postgresContainer = container;
		}
		return postgresContainer;
	}

	/** The Kafka container shared by every context of this JVM (Docker mode). */
	public static synchronized KafkaContainer kafkaContainer() {
		if (kafkaContainer == null) {
			KafkaContainer container = new KafkaContainer(TestInfrastructureConfiguration.KAFKA_IMAGE);
			container.start();
			kafkaContainer = container;
		}
		return kafkaContainer;
	}

	/** Bootstrap servers of the broker shared by every test context of this JVM. */
	public static synchronized String kafkaBootstrapServers() {
		if (mode() == Mode.ENVIRONMENT) {
			return System.getenv("TEST_KAFKA_BOOTSTRAP_SERVERS");
		}
		if (mode() == Mode.CONTAINERS) {
			return kafkaContainer().getBootstrapServers();
		}
		if (broker == null) {
			EmbeddedKafkaKraftBroker embedded = new EmbeddedKafkaKraftBroker(1, 12);
			embedded.brokerProperty("num.partitions", 12);
			embedded.brokerProperty("auto.create.topics.enable", true);
			embedded.brokerProperty("group.initial.rebalance.delay.ms", 0);
			embedded.afterPropertiesSet();
			Runtime.getRuntime().addShutdownHook(new Thread(embedded::destroy, "embedded-kafka-stop"));
			broker = embedded;
		}
		return broker.getBrokersAsString();
	}

	private static Database createDatabase(String purpose, String adminUrl, String user, String password) {
		String module = Path.of("").toAbsolutePath().getFileName().toString().replaceAll("[^a-zA-Z0-9]", "_");
		String name = ("t_" + module + "_" + purpose + "_"
				+ LocalDateTime.now().format(DateTimeFormatter.ofPattern("MMddHHmmss")) + "_"
				+ ThreadLocalRandom.current().nextInt(1000, 9999))
			.toLowerCase();
		try (Connection admin = DriverManager.getConnection(adminUrl, user, password);
				Statement statement = admin.createStatement()) {
			statement.execute("create database " + name);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Tests need PostgreSQL at " + adminUrl + " (user " + user
					+ "), or TEST_DATABASE_URL, or Docker. Start it with: pg_ctlcluster 15 main start", ex);
		}
		Runtime.getRuntime().addShutdownHook(new Thread(() -> drop(name, adminUrl, user, password), "drop-" + name));
		String base = adminUrl.contains("?") ? adminUrl.substring(0, adminUrl.indexOf('?')) : adminUrl;
		return new Database(base.substring(0, base.lastIndexOf('/') + 1) + name, user, password);
	}

	private static void drop(String name, String adminUrl, String user, String password) {
		try (Connection admin = DriverManager.getConnection(adminUrl, user, password);
				Statement statement = admin.createStatement()) {
			statement.execute("drop database if exists " + name + " with (force)");
		}
		catch (SQLException ex) {
			System.err.println("Could not drop test database " + name + ": " + ex.getMessage());
		}
	}

	private static boolean dockerAvailable() {
		if (Boolean.getBoolean("test.containers.disabled")) {
			return false;
		}
		try {
			return DockerClientFactory.instance().isDockerAvailable();
		}
		catch (RuntimeException | LinkageError ex) {
			return false;
		}
	}

	/** JDBC connection settings of a test database. */
	public record Database(String url, String username, String password) {

		public Connection connect() throws SQLException {
			return DriverManager.getConnection(this.url, this.username, this.password);
		}

	}

}
