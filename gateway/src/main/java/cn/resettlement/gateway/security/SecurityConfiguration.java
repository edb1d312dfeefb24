package cn.resettlement.gateway.security;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import reactor.core.publisher.Mono;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;

import cn.resettlement.gateway.GatewayProperties;
import cn.resettlement.gateway.problems.Problems;

/**
 * Authentication at the door: every {@code /api} request needs a valid bearer token
 * (signature, expiry, issuer, audience), else 401 problem. Authorization — roles and
 * township scope — is the services' business: they validate the relayed token again and
 * decide. CORS for the internal web clients is answered here, before authentication, so
 * preflight requests need no token.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	private static final String[] PUBLIC = { "/actuator/health", "/actuator/health/**", "/actuator/info",
			"/actuator/prometheus", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**", "/webjars/**" };

	@Bean
	SecurityWebFilterChain gatewaySecurity(ServerHttpSecurity http, GatewayProperties properties) {
		ServerAuthenticationEntryPoint unauthenticated = (exchange, ex) -> {
			exchange.getResponse()
				.getHeaders()
				.set(HttpHeaders.WWW_AUTHENTICATE,
						exchange.getRequest().getHeaders().containsHeader(HttpHeaders.AUTHORIZATION)
								? "Bearer error=\"invalid_token\"" : "Bearer");
			return Problems.write(exchange, HttpStatus.UNAUTHORIZED, "unauthenticated",
					"A valid bearer token is required (missing, expired, or not issued for this platform).");
		};
		ServerAccessDeniedHandler denied = (exchange, ex) -> Problems.write(exchange, HttpStatus.FORBIDDEN, "forbidden",
				"Not allowed.");
		return http.csrf(ServerHttpSecurity.CsrfSpec::disable)
			.httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
			.formLogin(ServerHttpSecurity.FormLoginSpec::disable)
			.logout(ServerHttpSecurity.LogoutSpec::disable)
			.requestCache(ServerHttpSecurity.RequestCacheSpec::disable)
			.securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
			.cors((cors) -> cors.configurationSource(cors(properties.cors())))
			.authorizeExchange((exchanges) -> exchanges.pathMatchers(PUBLIC)
				.permitAll()
				.pathMatchers("/api/**")
				.authenticated()
				.pathMatchers(HttpMethod.GET, "/actuator/**")
				.hasRole("ADMIN")
				.anyExchange()
				.denyAll())
			.oauth2ResourceServer((oauth2) -> oauth2
				.jwt((jwt) -> jwt.jwtAuthenticationConverter(SecurityConfiguration::authentication))
				.authenticationEntryPoint(unauthenticated)
				.accessDeniedHandler(denied))
			.exceptionHandling((e) -> e.authenticationEntryPoint(unauthenticated).accessDeniedHandler(denied))
			.build();
	}

	/**
	 * A request Spring Security's firewall refuses (an encoded NUL, slash or backslash in
	 * the path, a malformed header) is answered like every other refusal, with a problem,
	 * not an empty 400.
	 */
	@Bean
	ServerExchangeRejectedHandler rejectedRequests() {
		return (exchange, ex) -> Problems.write(exchange, HttpStatus.BAD_REQUEST, "malformed-request",
				"The request's path or headers contain characters that are not accepted.");
	}

	@Bean
	ReactiveJwtDecoder jwtDecoder(JwtProperties properties, GatewayProperties gateway) {
		return new ValidatedTokenCache(TokenDecoders.of(properties), gateway.tokenCache().maxTokens(),
				gateway.tokenCache().maxAge(), Clock.systemUTC());
	}

	/**
	 * The same claim conventions as the services: the user is {@code preferred_username},
	 * else {@code sub}; roles come from the {@code roles} claim, else Keycloak's
	 * {@code realm_access.roles}. The gateway itself uses roles only for its own
	 * operations endpoints (routes, metrics: ADMIN).
	 */
	static Mono<AbstractAuthenticationToken> authentication(Jwt jwt) {
		String name = jwt.getClaimAsString("preferred_username");
		List<GrantedAuthority> authorities = new ArrayList<>();
		for (String role : roles(jwt)) {
			authorities.add(new SimpleGrantedAuthority("ROLE_" + role));
		}
		return Mono.just(new JwtAuthenticationToken(jwt, authorities, (name != null) ? name : jwt.getSubject()));
	}

	private static List<String> roles(Jwt jwt) {
		List<String> roles = jwt.getClaimAsStringList("roles");
		if (roles != null) {
			return roles;
		}
		Map<String, Object> realmAccess = jwt.getClaimAsMap("realm_access");
		if (realmAccess != null && realmAccess.get("roles") instanceof List<?> list) {
			return list.stream().map(String::valueOf).toList();
		}
		return List.of();
	}

	static CorsConfigurationSource cors(GatewayProperties.Cors properties) {
		CorsConfiguration cors = new CorsConfiguration();
		cors.setAllowedOrigins(properties.allowedOrigins());
		cors.setAllowedMethods(List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"));
		cors.setAllowedHeaders(
				List.of(HttpHeaders.AUTHORIZATION, HttpHeaders.CONTENT_TYPE, HttpHeaders.ACCEPT, HttpHeaders.IF_MATCH,
						HttpHeaders.IF_NONE_MATCH, "Idempotency-Key", "X-Request-Id", "traceparent", "tracestate"));
		cors.setExposedHeaders(List.of(HttpHeaders.ETAG, HttpHeaders.LOCATION, HttpHeaders.RETRY_AFTER,
				HttpHeaders.CONTENT_DISPOSITION, "X-Request-Id"));
		// bearer tokens, not cookies: no credentials
		cors.setAllowCredentials(false);
		cors.setMaxAge(properties.maxAge());
		UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
		source.setCorsConfigurations(Map.of("/**", cors));
		return source;
	}

}
