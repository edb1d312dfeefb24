package cn.resettlement.subsidy.bulk;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.security.concurrent.DelegatingSecurityContextExecutorService;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import cn.resettlement.platform.jobs.JobContext;

/**
 * Runs the body of a bulk job in one transaction — all of it happens or none — while the
 * job's progress stays visible. Progress is saved by the job on its own connection; the
 * body's connection may be busy with a {@code COPY} and its changes are invisible until
 * commit. So the body runs on a worker thread and reports progress into counters that the
 * job thread saves every half second.
 */
@Component
public class TransactionalJobs implements DisposableBean {

	/** Progress that goes nowhere: for the same work done inside a request. */
	public static final JobContext NO_PROGRESS = new JobContext() {

		@Override
		public void total(long total) {
		}

		@Override
		public void advance(long items) {
		}

		@Override
		public void error(Long row, String field, String message) {
		}

		@Override
		public long errorCount() {
			return 0;
		}

		@Override
		public void result(Object result) {
		}
	};

	private final TransactionTemplate transactions;

	private final ExecutorService workers = new DelegatingSecurityContextExecutorService(
			Executors.newCachedThreadPool((r) -> {
				Thread thread = new Thread(r, "bulk-work");
				thread.setDaemon(true);
				return thread;
			}));

	TransactionalJobs(TransactionTemplate transactions) {
		this.transactions = transactions;
	}

	/**
	 * Runs the body in a new transaction on a worker thread and relays its progress to
	 * the job.
	 * @return what the body returned
	 * @throws Exception what the body threw (the transaction is rolled back)
	 */
	public <T> T run(JobContext job, Body<T> body) throws Exception {
		Relay relay = new Relay(job);
		Future<T> result = this.workers.submit(() -> this.transactions.execute((status) -> {
			try {
				return body.run(relay);
			}
			catch (RuntimeException ex) {
				throw ex;
			}
			catch (Exception ex) {
				throw new Checked(ex);
			}
		}));
		while (true) {
			try {
				T value = result.get(500, TimeUnit.MILLISECONDS);
				relay.save();
				return value;
			}
			catch (TimeoutException ex) {
				relay.save();
			}
			catch (ExecutionException ex) {
				relay.save();
				Throwable cause = ex.getCause();
				if (cause instanceof Checked checked) {
					throw (Exception) checked.getCause();
				}
				if (cause instanceof Exception exception) {
					throw exception;
				}
				throw new IllegalStateException(cause);
			}
			catch (InterruptedException ex) {
				result.cancel(true);
				Thread.currentThread().interrupt();
				throw ex;
			}
		}
	}

	@Override
	public void destroy() {
		this.workers.shutdownNow();
	}

	/** The work of a bulk job. */
	@FunctionalInterface
	public interface Body<T> {

		T run(JobContext progress) throws Exception;

	}

	private static final class Checked extends RuntimeException {

		Checked(Exception cause) {
			super(cause);
		}

	}

	/** Counts in memory on the worker thread; saved by the job thread. */
	private static final class Relay implements JobContext {

		private final JobContext job;

		private final AtomicLong total = new AtomicLong(-1);

		private final AtomicLong advanced = new AtomicLong();

		private long savedTotal = -1;

		Relay(JobContext job) {
			this.job = job;
		}

		@Override
		public void total(long total) {
			this.total.set(total);
		}

		@Override
		public void advance(long items) {
			this.advanced.addAndGet(items);
		}

		@Override
		public void error(Long row, String field, String message) {
			this.job.error(row, field, message);
		}

		@Override
		public long errorCount() {
			return this.job.errorCount();
		}

		@Override
		public void result(Object result) {
			this.job.result(result);
		}

		void save() {
			long total = this.total.get();
			if (total != this.savedTotal && total >= 0) {
				this.job.total(total);
				this.savedTotal = total;
			}
			// also when nothing advanced: it keeps the job's heartbeat while a long
			// statement runs, so the job is not taken for dead
			this.job.advance(this.advanced.getAndSet(0));
		}

	}

}
