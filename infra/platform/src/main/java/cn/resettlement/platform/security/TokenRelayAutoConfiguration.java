package cn.resettlement.platform.security;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

import feign.RequestInterceptor;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JCircuitBreakerFactory;
import org.springframework.cloud.client.circuitbreaker.Customizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.concurrent.DelegatingSecurityContextExecutorService;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Service-to-service calls carry the caller's bearer token, so the called service applies
 * the same roles and township scope. Works in jobs (they run with the submitter's
 * security context) and behind circuit breakers (whose time limiter runs each call on a
 * pool thread that is given the caller's security context).
 */
@AutoConfiguration
@ConditionalOnClass(RequestInterceptor.class)
public class TokenRelayAutoConfiguration {

	@Bean
	RequestInterceptor bearerTokenRelay() {
		return (template) -> {
			Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
			if (authentication instanceof JwtAuthenticationToken jwt
					&& !template.headers().containsKey("Authorization")) {
				template.header("Authorization", "Bearer " + jwt.getToken().getTokenValue());
			}
		};
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(Resilience4JCircuitBreakerFactory.class)
	static class BreakerThreads {

		@Bean
		Customizer<Resilience4JCircuitBreakerFactory> securityContextOnBreakerThreads() {
			return (factory) -> {
				factory.configureExecutorService(callsCarryingTheSecurityContext());
				factory.configureGroupExecutorService((group) -> callsCarryingTheSecurityContext());
			};
		}

		private static ExecutorService callsCarryingTheSecurityContext() {
			AtomicInteger count = new AtomicInteger();
			ThreadFactory threads = (runnable) -> {
				Thread thread = new Thread(runnable, "breaker-call-" + count.incrementAndGet());
				thread.setDaemon(true);
				return thread;
			};
			return new DelegatingSecurityContextExecutorService(Executors.newCachedThreadPool(threads));
		}

	}

}
