package cn.resettlement.gateway.problems;

import java.io.IOException;
import java.net.ConnectException;
import java.util.concurrent.TimeoutException;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.cloud.gateway.support.ServiceUnavailableException;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;

import cn.resettlement.gateway.GatewayProperties;
import cn.resettlement.gateway.limits.BodyTooLargeException;
import cn.resettlement.gateway.observability.RequestContext;

/**
 * Every failure the gateway itself answers, as a problem: a service that refuses the
 * connection or whose circuit is open is 503 (with {@code Retry-After} while open), one
 * that does not answer in time 504, one that drops the connection 502; a body over the
 * limit 413; an unknown path 404. Anything else is a 500 that reveals nothing but the
 * request id.
 */
@Component
@Order(-2)
class ProblemExceptionHandler implements ErrorWebExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ProblemExceptionHandler.class);

	private final long openWaitSeconds;

	ProblemExceptionHandler(GatewayProperties properties) {
		this.openWaitSeconds = Math.max(1, properties.circuitBreaker().openWait().toSeconds());
	}

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, Throwable failure) {
		if (exchange.getResponse().isCommitted()) {
			return Mono.error(failure);
		}
		String service = service(exchange);
		if (failure instanceof BodyTooLargeException tooLarge) {
			return Problems.write(exchange, HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", tooLarge.getReason());
		}
		if (failure instanceof ServiceUnavailableException || causedBy(failure, CallNotPermittedException.class)) {
			exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(this.openWaitSeconds));
			return Problems.write(exchange, HttpStatus.SERVICE_UNAVAILABLE, "unavailable",
					"The " + service + " service is unavailable (recent calls failed); retry later.");
		}
		if (causedBy(failure, ConnectException.class)) {
			return Problems.write(exchange, HttpStatus.SERVICE_UNAVAILABLE, "unavailable",
					"The " + service + " service is not reachable; retry later.");
		}
		if (causedBy(failure, TimeoutException.class) || (failure instanceof ResponseStatusException status
				&& status.getStatusCode().value() == HttpStatus.GATEWAY_TIMEOUT.value())) {
			return Problems.write(exchange, HttpStatus.GATEWAY_TIMEOUT, "timeout",
					"The " + service + " service did not answer in time.");
		}
		if (failure instanceof ResponseStatusException status) {
			return respond(exchange, status.getStatusCode(), status.getReason());
		}
		if (causedBy(failure, IOException.class)) {
			return Problems.write(exchange, HttpStatus.BAD_GATEWAY, "bad-gateway",
					"The " + service + " service closed the connection without an answer.");
		}
		log.error("Unexpected failure of request {}", RequestContext.requestId(exchange), failure);
		return Problems.write(exchange, HttpStatus.INTERNAL_SERVER_ERROR, "internal",
				"Unexpected failure; quote the request id when you report it.");
	}

	private static Mono<Void> respond(ServerWebExchange exchange, HttpStatusCode status, String reason) {
		HttpStatus known = HttpStatus.resolve(status.value());
		String slug = switch (status.value()) {
			case 404 -> "not-found";
			case 405 -> "method-not-allowed";
			case 503 -> "unavailable";
			default -> (known != null) ? known.name().toLowerCase().replace('_', '-') : "error";
		};
		String detail = (status.value() == 404) ? "No such resource."
				: (reason != null) ? reason : (known != null) ? known.getReasonPhrase() : "Error";
		return Problems.write(exchange, status, slug, detail);
	}

	private static String service(ServerWebExchange exchange) {
		Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
		return (route != null) ? route.getId() : "upstream";
	}

	private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
		for (Throwable t = failure; t != null; t = (t.getCause() == t) ? null : t.getCause()) {
			if (type.isInstance(t)) {
				return true;
			}
		}
		return false;
	}

}
