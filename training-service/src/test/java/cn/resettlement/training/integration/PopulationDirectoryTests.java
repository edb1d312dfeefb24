package cn.resettlement.training.integration;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeoutException;

import feign.FeignException;
import feign.Request;
import feign.RetryableException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.junit.jupiter.api.Test;

import org.springframework.cloud.client.circuitbreaker.NoFallbackAvailableException;

import static org.assertj.core.api.Assertions.assertThat;

/** Which failures of the lookup are worth another attempt. */
class PopulationDirectoryTests {

	private static final Request REQUEST = Request.create(Request.HttpMethod.POST, "http://population/lookup", Map.of(),
			new byte[0], StandardCharsets.UTF_8, null);

	@Test
	void retriesRefusedConnectionsTimeOutsAndServerErrors() {
		assertThat(PopulationDirectory.transientFailure(wrapped(new RetryableException(-1, "Connection refused",
				Request.HttpMethod.POST, new ConnectException("Connection refused"), (Long) null, REQUEST))))
			.isTrue();
		assertThat(PopulationDirectory.transientFailure(wrapped(new RetryableException(-1, "Read timed out",
				Request.HttpMethod.POST, new SocketTimeoutException("Read timed out"), (Long) null, REQUEST))))
			.isTrue();
		assertThat(PopulationDirectory.transientFailure(wrapped(new TimeoutException()))).isTrue();
		assertThat(PopulationDirectory.transientFailure(wrapped(FeignException.errorStatus("lookup", response(503)))))
			.isTrue();
	}

	@Test
	void doesNotRetryAnOpenBreakerOrARefusal() {
		CallNotPermittedException open = CallNotPermittedException
			.createCallNotPermittedException(CircuitBreaker.ofDefaults("population"));
		assertThat(PopulationDirectory.transientFailure(wrapped(open))).isFalse();
		assertThat(PopulationDirectory.transientFailure(wrapped(FeignException.errorStatus("lookup", response(401)))))
			.isFalse();
		assertThat(PopulationDirectory.transientFailure(wrapped(FeignException.errorStatus("lookup", response(400)))))
			.isFalse();
	}

	private static NoFallbackAvailableException wrapped(Throwable cause) {
		return new NoFallbackAvailableException("No fallback available.", cause);
	}

	private static feign.Response response(int status) {
		return feign.Response.builder()
			.status(status)
			.reason("status " + status)
			.request(REQUEST)
			.headers(Map.of())
			.build();
	}

}
