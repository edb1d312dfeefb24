package cn.resettlement.gateway.observability;

import java.net.InetSocketAddress;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.publisher.SignalType;

import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * First and last stage of every request: assigns the request id (kept when the client
 * sent a sane one) and the trace context, returns the request id to the client, and
 * writes one access log line per request — method, path (no query string: it may carry
 * search terms; ID-number-like digit runs masked), route, status, latency to the first
 * response byte, user, request id, trace id. Never a token.
 */
@Component
class RequestContextWebFilter implements WebFilter, Ordered {

	private static final Logger access = LoggerFactory.getLogger("cn.resettlement.gateway.access");

	private static final Pattern SANE_REQUEST_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

	/**
	 * Resident ID numbers (15 or 18 characters) and bank card numbers never belong in a
	 * URL; if a client puts one there, the log does not repeat it.
	 */
	private static final Pattern ID_LIKE = Pattern.compile("\\d{14,}[\\dXx]");

	@Override
	public int getOrder() {
		// before Spring Security (-100): rejected requests are logged and carry an id too
		return Ordered.HIGHEST_PRECEDENCE + 100;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		long start = System.nanoTime();
		ServerHttpRequest request = exchange.getRequest();
		String requestId = request.getHeaders().getFirst(RequestContext.REQUEST_ID_HEADER);
		if (requestId == null || !SANE_REQUEST_ID.matcher(requestId).matches()) {
			requestId = UUID.randomUUID().toString();
		}
		String traceparent = TraceParent
			.continueOrStart(request.getHeaders().getFirst(RequestContext.TRACEPARENT_HEADER));
		exchange.getAttributes().put(RequestContext.REQUEST_ID, requestId);
		exchange.getAttributes().put(RequestContext.TRACEPARENT, traceparent);
		AtomicBoolean logged = new AtomicBoolean();
		String id = requestId;
		exchange.getResponse().beforeCommit(() -> {
			exchange.getResponse().getHeaders().set(RequestContext.REQUEST_ID_HEADER, id);
			log(exchange, start, logged, exchange.getResponse().getStatusCode());
			return Mono.empty();
		});
		return chain.filter(exchange).doFinally((signal) -> {
			if (signal == SignalType.CANCEL) {
				// the client went away before an answer: 499 in the log, as nginx has it
				log(exchange, start, logged, HttpStatusCode.valueOf(499));
			}
		});
	}

	private static void log(ServerWebExchange exchange, long start, AtomicBoolean logged, HttpStatusCode status) {
		if (!access.isInfoEnabled() || !logged.compareAndSet(false, true)) {
			return;
		}
		ServerHttpRequest request = exchange.getRequest();
		Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
		String user = RequestContext.user(exchange);
		String traceparent = RequestContext.traceparent(exchange);
		InetSocketAddress remote = request.getRemoteAddress();
		String path = ID_LIKE.matcher(request.getPath().value()).replaceAll("***");
		long micros = (System.nanoTime() - start) / 1000;
		access.atInfo()
			.setMessage("{} {} route={} status={} latency_ms={} user={} request_id={} trace_id={} client={}")
			.addArgument(request.getMethod().name())
			.addArgument(path)
			.addArgument((route != null) ? route.getId() : "-")
			.addArgument((status != null) ? status.value() : 0)
			.addArgument(micros / 1000 + "." + (micros % 1000) / 100)
			.addArgument((user != null) ? user : "-")
			.addArgument(RequestContext.requestId(exchange))
			.addArgument((traceparent != null) ? TraceParent.traceId(traceparent) : "-")
			.addArgument((remote != null && remote.getAddress() != null) ? remote.getAddress().getHostAddress() : "-")
			.addKeyValue("http.method", request.getMethod().name())
			.addKeyValue("url.path", path)
			.addKeyValue("route", (route != null) ? route.getId() : null)
			.addKeyValue("http.status", (status != null) ? status.value() : null)
			.addKeyValue("latency_us", micros)
			.addKeyValue("user", user)
			.addKeyValue("request_id", RequestContext.requestId(exchange))
			.addKeyValue("trace_id", (traceparent != null) ? TraceParent.traceId(traceparent) : null)
			.log();
	}

}
