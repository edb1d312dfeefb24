package cn.resettlement.gateway.routing;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import org.springdoc.core.properties.AbstractSwaggerUiConfigProperties.SwaggerUrl;
import org.springdoc.core.properties.SwaggerUiConfigProperties;

import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.GatewayFilterSpec;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.cloud.gateway.support.RouteMetadataUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

import cn.resettlement.gateway.GatewayProperties;
import cn.resettlement.gateway.limits.BodyTooLargeException;

/**
 * One route per configured service: {@code /api/v1/{path}/**} to the service's instances
 * (paths are forwarded unchanged: services serve {@code /api/v1/{context}/...}), with its
 * own response timeout (504), circuit breaker (503 while open) and, for GET and HEAD
 * only, one retry when the connection failed before any response. Plus
 * {@code /v3/api-docs/{service}} for the one Swagger UI.
 */
@Configuration(proxyBeanMethods = false)
class ServiceRoutes {

	/** How long the gateway waits for a service's OpenAPI document. */
	private static final Duration API_DOCS_TIMEOUT = Duration.ofSeconds(5);

	@Bean
	RouteLocator serviceRouteLocator(RouteLocatorBuilder builder, GatewayProperties properties,
			ReactiveResilience4JCircuitBreakerFactory circuitBreakers, SwaggerUiConfigProperties swaggerUi) {
		RouteLocatorBuilder.Builder routes = builder.routes();
		Set<SwaggerUrl> documents = new LinkedHashSet<>();
		for (Map.Entry<String, GatewayProperties.Service> entry : properties.services().entrySet()) {
			String id = entry.getKey();
			GatewayProperties.Service service = entry.getValue();
			URI target = ServiceInstances.routeUri(id, service);
			configureCircuitBreaker(circuitBreakers, id, service, properties.circuitBreaker());
			routes.route(id,
					(r) -> r.path("/api/v1/" + service.path() + "/**")
						.filters((f) -> resilience(f, id, properties.retry()))
						.metadata(RouteMetadataUtils.RESPONSE_TIMEOUT_ATTR, service.timeout().toMillis())
						.uri(target));
			routes.route(id + "-api-docs",
					(r) -> r.path("/v3/api-docs/" + id)
						.and()
						.method(HttpMethod.GET)
						.filters((f) -> f.setPath("/v3/api-docs")
							.modifyResponseBody(String.class, String.class, MediaType.APPLICATION_JSON_VALUE,
									(exchange, body) -> ApiDocuments.throughGateway(body)))
						.metadata(RouteMetadataUtils.RESPONSE_TIMEOUT_ATTR, API_DOCS_TIMEOUT.toMillis())
						.uri(target));
			documents.add(new SwaggerUrl(id, "/v3/api-docs/" + id, id));
		}
		swaggerUi.setUrls(documents);
		documents.stream().findFirst().ifPresent((first) -> swaggerUi.setUrlsPrimaryName(first.getName()));
		return routes.build();
	}

	private static GatewayFilterSpec resilience(GatewayFilterSpec filters, String id, GatewayProperties.Retry retry) {
		GatewayFilterSpec spec = filters.circuitBreaker((c) -> c.setName(id));
		if (retry.attempts() < 1) {
			return spec;
		}
		// Only what cannot take effect twice: idempotent reads whose connection
		// failed. Not a timeout (more load on a slow service), never a write:
		// clients retry writes themselves, with an Idempotency-Key.
		return spec.retry((r) -> r.setRetries(retry.attempts())
			.setMethods(HttpMethod.GET, HttpMethod.HEAD)
			.setSeries()
			.setStatuses()
			.setExceptions(IOException.class)
			.setBackoff(retry.backoff(), retry.backoff().multipliedBy(4), 2, true));
	}

	private static void configureCircuitBreaker(ReactiveResilience4JCircuitBreakerFactory factory, String id,
			GatewayProperties.Service service, GatewayProperties.CircuitBreaker settings) {
		CircuitBreakerConfig circuitBreaker = CircuitBreakerConfig.custom()
			.slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
			.slidingWindowSize(settings.slidingWindow())
			.minimumNumberOfCalls(settings.minimumCalls())
			.failureRateThreshold(settings.failureRateThreshold())
			.waitDurationInOpenState(settings.openWait())
			.permittedNumberOfCallsInHalfOpenState(settings.halfOpenCalls())
			// a client's oversized body says nothing about the service's health
			.recordException((ex) -> !(ex instanceof BodyTooLargeException))
			.build();
		// a safety net behind the route's response timeout, which answers first (504)
		TimeLimiterConfig timeLimiter = TimeLimiterConfig.custom()
			.timeoutDuration(service.timeout().plusSeconds(1))
			.build();
		factory.configure((builder) -> builder.circuitBreakerConfig(circuitBreaker).timeLimiterConfig(timeLimiter), id);
	}

}
