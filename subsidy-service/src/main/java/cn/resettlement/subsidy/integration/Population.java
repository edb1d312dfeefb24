package cn.resettlement.subsidy.integration;

import java.time.LocalDate;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

import feign.FeignException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.cloud.client.circuitbreaker.NoFallbackAvailableException;
import org.springframework.http.HttpStatus;
import org.springframework.security.concurrent.DelegatingSecurityContextExecutorService;
import org.springframework.stereotype.Component;

import cn.resettlement.platform.web.ApiException;
import cn.resettlement.subsidy.config.SubsidyProperties;

/**
 * Reads population-service's eligible roster page by page (keyset cursor over one
 * snapshot). Reads are idempotent, so a failed attempt is retried a few times; an open
 * circuit, a refusal (4xx), a time-out or exhausted retries end the read with a 503
 * problem at once, before anything is written. While the caller works on a page the next
 * one is already being fetched.
 */
@Component
public class Population implements DisposableBean {

	static final String NAME = "population-service";

	private final PopulationClient client;

	private final int pageSize;

	private final Retry retry;

	private final ExecutorService prefetch = new DelegatingSecurityContextExecutorService(
			Executors.newCachedThreadPool((r) -> {
				Thread thread = new Thread(r, "roster-prefetch");
				thread.setDaemon(true);
				return thread;
			}));

	Population(PopulationClient client, SubsidyProperties properties) {
		this.client = client;
		this.pageSize = properties.population().pageSize();
		this.retry = Retry.of("population-read",
				RetryConfig.custom()
					.maxAttempts(properties.population().retry().maxAttempts())
					.waitDuration(properties.population().retry().backoff())
					.retryOnException(Population::retryable)
					.build());
	}

	/** Snapshots the roster as of a date and returns its first page. */
	public RosterPage firstPage(LocalDate asOf) {
		return call(() -> this.client.firstRosterPage(asOf.toString(), this.pageSize));
	}

	/**
	 * Hands every page of a read to the handler, the first one included, fetching the
	 * next page while the handler works.
	 */
	public void forEachPage(LocalDate asOf, RosterPage first, PageHandler handler) throws Exception {
		RosterPage page = first;
		while (page != null) {
			String cursor = page.next();
			CompletableFuture<RosterPage> next = (cursor != null) ? CompletableFuture.supplyAsync(
					() -> call(() -> this.client.nextRosterPage(asOf.toString(), cursor, this.pageSize)), this.prefetch)
					: null;
			try {
				handler.accept(page);
			}
			catch (Exception ex) {
				if (next != null) {
					next.cancel(true);
				}
				throw ex;
			}
			page = (next != null) ? await(next) : null;
		}
	}

	private static RosterPage await(CompletableFuture<RosterPage> next) throws InterruptedException {
		try {
			return next.get();
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof RuntimeException runtime) {
				throw runtime;
			}
			throw new IllegalStateException(ex.getCause());
		}
	}

	private <T> T call(Supplier<T> call) {
		try {
			return this.retry.executeSupplier(call);
		}
		catch (RuntimeException ex) {
			throw translate(ex);
		}
	}

	static ApiException translate(Throwable failure) {
		Throwable cause = unwrap(failure);
		if (cause instanceof ApiException api) {
			return api;
		}
		if (cause instanceof FeignException.Unauthorized || cause instanceof FeignException.Forbidden) {
			return ApiException.forbidden("population-service refused to give this user the eligible roster.");
		}
		if (cause instanceof FeignException.Gone) {
			return new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "roster-read-expired",
					"The roster read of population-service expired before it was complete; nothing was changed. "
							+ "Try again.");
		}
		return ApiException.dependencyUnavailable(NAME, cause);
	}

	/**
	 * Connection failures and 5xx answers are retried; an open circuit, a refusal (4xx)
	 * or a time-out are not (a slow population-service is not helped by more load).
	 */
	private static boolean retryable(Throwable failure) {
		Throwable cause = unwrap(failure);
		return !(cause instanceof CallNotPermittedException) && !(cause instanceof FeignException.FeignClientException)
				&& !(cause instanceof TimeoutException) && !(cause instanceof ApiException);
	}

	private static Throwable unwrap(Throwable failure) {
		Throwable cause = failure;
		while ((cause instanceof NoFallbackAvailableException || cause instanceof CompletionException
				|| cause instanceof ExecutionException) && cause.getCause() != null) {
			cause = cause.getCause();
		}
		return cause;
	}

	@Override
	public void destroy() {
		this.prefetch.shutdownNow();
	}

	/** Works on one page of the roster. */
	@FunctionalInterface
	public interface PageHandler {

		void accept(RosterPage page) throws Exception;

	}

}
