package cn.resettlement.gateway.limits;

import java.security.Principal;

import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

import cn.resettlement.gateway.GatewayProperties;
import cn.resettlement.gateway.observability.RequestContext;
import cn.resettlement.gateway.problems.Problems;

/**
 * Per-user rate limit on every routed, authenticated request: 429 problem with
 * {@code Retry-After} once a user's bucket is empty. In memory, per gateway instance (see
 * {@link GatewayProperties.RateLimit}).
 */
@Component
class RateLimitFilter implements GlobalFilter, Ordered {

	static final int ORDER = -200;

	private final TokenBuckets buckets;

	RateLimitFilter(GatewayProperties properties) {
		GatewayProperties.RateLimit limit = properties.rateLimit();
		this.buckets = new TokenBuckets(limit.burst(), limit.perSecond(), limit.maxUsers(), System::nanoTime);
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
		// no principal becomes "": switchIfEmpty after the flatMap would also fire
		// after every request, as Mono<Void> always completes empty
		return exchange.getPrincipal().map(Principal::getName).defaultIfEmpty("").flatMap((user) -> {
			if (user.isEmpty()) {
				// public routes (API documents)
				return chain.filter(exchange);
			}
			RequestContext.user(exchange, user);
			long retryAfter = this.buckets.tryAcquire(user);
			if (retryAfter > 0) {
				exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter));
				return Problems.write(exchange, HttpStatus.TOO_MANY_REQUESTS, "too-many-requests",
						"Too many requests from this user; retry after " + retryAfter + " s.");
			}
			return chain.filter(exchange);
		});
	}

}
