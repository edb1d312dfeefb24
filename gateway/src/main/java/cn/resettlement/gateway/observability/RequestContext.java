package cn.resettlement.gateway.observability;

import org.springframework.web.server.ServerWebExchange;

/**
 * What the gateway knows about a request beyond HTTP: its request id, its W3C trace
 * context and, once authenticated, its user. Kept in exchange attributes, which every
 * stage of the exchange (web filters, security, gateway filters, error handling) shares.
 */
public final class RequestContext {

	public static final String REQUEST_ID_HEADER = "X-Request-Id";

	public static final String TRACEPARENT_HEADER = "traceparent";

	private static final String PREFIX = RequestContext.class.getName() + ".";

	static final String REQUEST_ID = PREFIX + "requestId";

	static final String TRACEPARENT = PREFIX + "traceparent";

	private static final String USER = PREFIX + "user";

	private RequestContext() {
	}

	public static String requestId(ServerWebExchange exchange) {
		return exchange.getAttribute(REQUEST_ID);
	}

	public static String traceparent(ServerWebExchange exchange) {
		return exchange.getAttribute(TRACEPARENT);
	}

	/** The authenticated user ({@code preferred_username}, else {@code sub}). */
	public static String user(ServerWebExchange exchange) {
		return exchange.getAttribute(USER);
	}

	public static void user(ServerWebExchange exchange, String user) {
		exchange.getAttributes().put(USER, user);
	}

}
