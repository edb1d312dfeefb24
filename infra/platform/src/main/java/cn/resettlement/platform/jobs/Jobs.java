package cn.resettlement.platform.jobs;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import cn.resettlement.platform.jobs.JobView.JobError;
import cn.resettlement.platform.jobs.JobView.JobStatus;
import cn.resettlement.platform.security.Caller;

/**
 * Runs long work (imports, batch generation, rebuilds) in the background and keeps its
 * progress in the database, so any instance can answer {@code GET .../jobs/{id}}. A job
 * submitted inside a transaction starts only after that transaction commits. A job whose
 * instance died is reported as failed once its heartbeat is stale.
 */
public class Jobs {

	private static final Logger log = LoggerFactory.getLogger(Jobs.class);

	private static final int KEPT_ERRORS = 1_000;

	private static final TypeReference<List<JobError>> ERRORS = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final Clock clock;

	private final ThreadPoolTaskExecutor executor;

	private final Duration staleAfter;

	public Jobs(JdbcClient jdbc, JsonMapper json, Clock clock, ThreadPoolTaskExecutor executor, Duration staleAfter) {
		this.jdbc = jdbc;
		this.json = json;
		this.clock = clock;
		this.executor = executor;
		this.staleAfter = staleAfter;
	}

	/**
	 * Queues a job; it runs as the current caller.
	 * @param type what the job does, e.g. {@code population.import}
	 * @param work the job body
	 * @return the queued job
	 */
	public JobView submit(String type, JobWork work) {
		UUID id = UUID.randomUUID();
		Instant now = this.clock.instant();
		this.jdbc.sql(
				"insert into platform_job (id, type, status, created_by, created_at, heartbeat_at) values (?, ?, ?, ?, ?, ?)")
			.params(id, type, JobStatus.QUEUED.name(), Caller.current().userId(), Timestamp.from(now),
					Timestamp.from(now))
			.update();
		SecurityContext security = SecurityContextHolder.getContext();
		Runnable start = () -> this.executor.execute(() -> run(id, work, security));
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					start.run();
				}
			});
		}
		else {
			start.run();
		}
		return new JobView(id, type, JobStatus.QUEUED, 0, null, 0, List.of(), null, null, Caller.current().userId(),
				now, null);
	}

	/** Stops taking jobs; running ones are interrupted and reported failed once stale. */
	public void shutdown() {
		this.executor.shutdown();
	}

	public Optional<JobView> find(UUID id) {
		Optional<JobView> job = this.jdbc.sql("select * from platform_job where id = ?")
			.param(id)
			.query(this::view)
			.optional();
		return job.map(this::failIfStale);
	}

	private JobView failIfStale(JobView job) {
		if (job.status() != JobStatus.RUNNING && job.status() != JobStatus.QUEUED) {
			return job;
		}
		Timestamp heartbeat = this.jdbc.sql("select heartbeat_at from platform_job where id = ?")
			.param(job.id())
			.query(Timestamp.class)
			.single();
		if (heartbeat.toInstant().plus(this.staleAfter).isAfter(this.clock.instant())) {
			return job;
		}
		this.jdbc.sql("update platform_job set status = ?, message = ?, finished_at = ? where id = ? and status = ?")
			.params(JobStatus.FAILED.name(), "Interrupted: the instance running the job stopped. Start it again.",
					Timestamp.from(this.clock.instant()), job.id(), job.status().name())
			.update();
		return find(job.id()).orElseThrow();
	}

	private void run(UUID id, JobWork work, SecurityContext security) {
		SecurityContextHolder.setContext(security);
		Progress progress = new Progress(id);
		try {
			this.jdbc.sql("update platform_job set status = ?, heartbeat_at = ? where id = ?")
				.params(JobStatus.RUNNING.name(), Timestamp.from(this.clock.instant()), id)
				.update();
			work.run(progress);
			progress.finish(JobStatus.SUCCEEDED, null);
		}
		catch (Exception ex) {
			log.warn("Job {} failed", id, ex);
			progress.finish(JobStatus.FAILED,
					(ex.getMessage() != null) ? ex.getMessage() : ex.getClass().getSimpleName());
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

	private JobView view(ResultSet rs, int row) throws SQLException {
		Timestamp finished = rs.getTimestamp("finished_at");
		long total = rs.getLong("total");
		String result = rs.getString("result");
		return new JobView(rs.getObject("id", UUID.class), rs.getString("type"),
				JobStatus.valueOf(rs.getString("status")), rs.getLong("processed"), rs.wasNull() ? null : total,
				rs.getLong("error_count"), this.json.readValue(rs.getString("errors"), ERRORS),
				(result != null) ? this.json.readTree(result) : null, rs.getString("message"),
				rs.getString("created_by"), rs.getTimestamp("created_at").toInstant(),
				(finished != null) ? finished.toInstant() : null);
	}

	private final class Progress implements JobContext {

		private final UUID id;

		private Long total;

		private long processed;

		private long errorCount;

		private final List<JobError> errors = new ArrayList<>();

		private Object result;

		private Instant lastSaved = Instant.EPOCH;

		Progress(UUID id) {
			this.id = id;
		}

		@Override
		public synchronized void total(long total) {
			this.total = total;
			save(true);
		}

		@Override
		public synchronized void advance(long items) {
			this.processed += items;
			save(false);
		}

		@Override
		public synchronized void error(Long row, String field, String message) {
			this.errorCount++;
			if (this.errors.size() < KEPT_ERRORS) {
				this.errors.add(new JobError(row, field, message));
			}
		}

		@Override
		public synchronized long errorCount() {
			return this.errorCount;
		}

		@Override
		public synchronized void result(Object result) {
			this.result = result;
		}

		private void save(boolean force) {
			Instant now = Jobs.this.clock.instant();
			if (!force && now.isBefore(this.lastSaved.plusSeconds(1))) {
				return;
			}
			this.lastSaved = now;
			Jobs.this.jdbc.sql(
					"update platform_job set processed = ?, total = ?, error_count = ?, errors = ?, heartbeat_at = ? where id = ?")
				.params(this.processed, this.total, this.errorCount, Jobs.this.json.writeValueAsString(this.errors),
						Timestamp.from(now), this.id)
				.update();
		}

		synchronized void finish(JobStatus status, String message) {
			Instant now = Jobs.this.clock.instant();
			Jobs.this.jdbc.sql(
					"update platform_job set status = ?, processed = ?, total = ?, error_count = ?, errors = ?, result = ?, "
							+ "message = ?, heartbeat_at = ?, finished_at = ? where id = ?")
				.params(status.name(), this.processed, this.total, this.errorCount,
						Jobs.this.json.writeValueAsString(this.errors),
						(this.result != null) ? Jobs.this.json.writeValueAsString(this.result) : null, message,
						Timestamp.from(now), Timestamp.from(now), this.id)
				.update();
		}

	}

}
