package cn.resettlement.gateway.observability;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

import cn.resettlement.gateway.GatewayProperties;

/**
 * Headers of the request the gateway sends to a service: identity headers a client could
 * set are dropped (who the caller is travels only in the bearer token, which the service
 * validates again), and the request id and trace context are set.
 */
@Component
class ForwardedContextHeaders implements HttpHeadersFilter, Ordered {

	private final String[] identityPrefixes;

	ForwardedContextHeaders(GatewayProperties properties) {
		this.identityPrefixes = properties.identityHeaderPrefixes()
			.stream()
			.map((prefix) -> prefix.toLowerCase(Locale.ROOT))
			.toArray(String[]::new);
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

	@Override
	public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
		HttpHeaders forwarded = new HttpHeaders();
		for (Map.Entry<String, List<String>> header : input.headerSet()) {
			if (!isIdentityHeader(header.getKey())) {
				forwarded.addAll(header.getKey(), header.getValue());
			}
		}
		String requestId = RequestContext.requestId(exchange);
		if (requestId != null) {
			forwarded.set(RequestContext.REQUEST_ID_HEADER, requestId);
		}
		String traceparent = RequestContext.traceparent(exchange);
		if (traceparent != null) {
			if (!traceparent.equals(input.getFirst(RequestContext.TRACEPARENT_HEADER))) {
				// a new trace: vendor state of a broken or missing one does not apply
				forwarded.remove("tracestate");
			}
			forwarded.set(RequestContext.TRACEPARENT_HEADER, traceparent);
		}
		return forwarded;
	}

	private boolean isIdentityHeader(String name) {
		for (String prefix : this.identityPrefixes) {
			if (name.regionMatches(true, 0, prefix, 0, prefix.length())) {
				return true;
			}
		}
		return false;
	}

}
