package cn.resettlement.systemtest;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;

/**
 * What the platform has stored, read directly (not through the gateway) so that "nothing
 * was written" can be checked exactly: every table of every {@code systest_*} database
 * (row count and an md5 over all rows in text form, ordered - the outbox, inbox, job,
 * audit and idempotency tables included) and the end offset of every partition of every
 * topic (internal topics such as {@code __consumer_offsets} excluded: consumers commit
 * their unchanged positions there all the time).
 */
final class PlatformState {

	private PlatformState() {
	}

	/**
	 * A snapshot.
	 *
	 * @param tables {@code database.schema.table} → {@code rows:md5}
	 * @param offsets {@code topic-partition} → end offset
	 */
	record Snapshot(Map<String, String> tables, Map<String, Long> offsets) {

		/** What differs from an earlier snapshot, one line per table or partition. */
		List<String> changesSince(Snapshot before) {
			List<String> changes = new ArrayList<>();
			Set<String> tableNames = new TreeSet<>(before.tables.keySet());
			tableNames.addAll(this.tables.keySet());
			for (String table : tableNames) {
				String was = before.tables.get(table);
				String is = this.tables.get(table);
				if (!java.util.Objects.equals(was, is)) {
					changes.add("table " + table + ": " + was + " -> " + is);
				}
			}
			Set<String> partitions = new TreeSet<>(before.offsets.keySet());
			partitions.addAll(this.offsets.keySet());
			for (String partition : partitions) {
				Long was = before.offsets.get(partition);
				Long is = this.offsets.get(partition);
				if (!java.util.Objects.equals(was, is)) {
					changes.add("topic " + partition + ": end offset " + was + " -> " + is);
				}
			}
			return changes;
		}

		long rows() {
			return this.tables.values().stream().mapToLong((v) -> Long.parseLong(v.substring(0, v.indexOf(':')))).sum();
		}

		long messages() {
			return this.offsets.values().stream().mapToLong(Long::longValue).sum();
		}

	}

	/**
	 * @param jobsLeftOut ids of {@code platform_job} rows left out of the digest (jobs a
	 * test created on purpose, counted separately)
	 */
	static Snapshot take(Collection<String> jobsLeftOut) {
		Map<String, String> tables = new TreeMap<>();
		for (String database : Platform.DATABASES) {
			tables.putAll(tables(Platform.DATABASE_PREFIX + database, jobsLeftOut));
		}
		return new Snapshot(tables, endOffsets());
	}

	static Snapshot take() {
		return take(List.of());
	}

	/** Events written to a service's outbox and not yet published, every database. */
	static long unpublished() {
		long pending = 0;
		for (String database : Platform.DATABASES) {
			try (Connection connection = connect(Platform.DATABASE_PREFIX + database);
					Statement statement = connection.createStatement();
					ResultSet rs = statement
						.executeQuery("select count(*) from outbox_event where published_at is null")) {
				rs.next();
				pending += rs.getLong(1);
			}
			catch (SQLException ex) {
				if (!"42P01".equals(ex.getSQLState())) {
					throw new IllegalStateException(database, ex);
				}
			}
		}
		return pending;
	}

	private static Map<String, String> tables(String database, Collection<String> jobsLeftOut) {
		Map<String, String> digests = new TreeMap<>();
		try (Connection connection = connect(database)) {
			List<String> names = new ArrayList<>();
			try (Statement statement = connection.createStatement();
					ResultSet rs = statement
						.executeQuery("select quote_ident(table_schema) || '.' || quote_ident(table_name) "
								+ "from information_schema.tables where table_type = 'BASE TABLE' "
								+ "and table_schema not in ('pg_catalog', 'information_schema') order by 1")) {
				while (rs.next()) {
					names.add(rs.getString(1));
				}
			}
			for (String name : names) {
				String where = "";
				if (name.endsWith(".platform_job") && !jobsLeftOut.isEmpty()) {
					where = " where t.id::text not in (" + jobsLeftOut.stream()
						.map((id) -> "'" + id.replace("'", "") + "'")
						.collect(Collectors.joining(",")) + ")";
				}
				try (Statement statement = connection.createStatement();
						ResultSet rs = statement
							.executeQuery("select count(*), coalesce(md5(string_agg(t::text, '|' order by "
									+ "t::text)), '-') from " + name + " t" + where)) {
					rs.next();
					digests.put(database + "." + name, rs.getLong(1) + ":" + rs.getString(2));
				}
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException(database, ex);
		}
		return digests;
	}

	static Connection connect(String database) throws SQLException {
		Map<String, String> env = System.getenv();
		Properties properties = new Properties();
		properties.setProperty("user", env.getOrDefault("PGUSER", "postgres"));
		if (env.get("PGPASSWORD") != null) {
			properties.setProperty("password", env.get("PGPASSWORD"));
		}
		return DriverManager.getConnection("jdbc:postgresql://" + env.getOrDefault("PGHOST", "127.0.0.1") + ":"
				+ env.getOrDefault("PGPORT", "5432") + "/" + database, properties);
	}

	/** The id of the Kafka cluster the broker serves. */
	static String clusterId() {
		try (Admin admin = Admin.create(adminProperties())) {
			return admin.describeCluster().clusterId().get(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		catch (ExecutionException | java.util.concurrent.TimeoutException ex) {
			throw new IllegalStateException("describing the cluster at " + Subscribers.BOOTSTRAP, ex);
		}
	}

	private static Properties adminProperties() {
		Properties properties = new Properties();
		properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, Subscribers.BOOTSTRAP);
		properties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
		properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 20_000);
		return properties;
	}

	static Map<String, Long> endOffsets() {
		try (Admin admin = Admin.create(adminProperties())) {
			Set<String> topics = admin.listTopics().names().get(30, TimeUnit.SECONDS);
			Map<String, TopicDescription> descriptions = admin.describeTopics(topics)
				.allTopicNames()
				.get(30, TimeUnit.SECONDS);
			Map<TopicPartition, OffsetSpec> latest = new java.util.HashMap<>();
			descriptions.forEach((topic, description) -> description.partitions()
				.forEach((p) -> latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest())));
			Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> offsets = admin.listOffsets(latest)
				.all()
				.get(30, TimeUnit.SECONDS);
			Map<String, Long> ends = new TreeMap<>();
			offsets.forEach((partition, info) -> ends.put(partition.toString(), info.offset()));
			return ends;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		catch (ExecutionException | java.util.concurrent.TimeoutException ex) {
			throw new IllegalStateException("reading the topics' end offsets from " + Subscribers.BOOTSTRAP, ex);
		}
	}

}
