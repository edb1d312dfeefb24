package cn.resettlement.platform.security;

import java.io.IOException;
import java.io.InputStream;
import java.security.interfaces.RSAPublicKey;
import java.util.List;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.converter.RsaKeyConverters;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Every service is an OAuth2 resource server: a valid bearer token on every {@code /api}
 * route (validated again behind the gateway), reads for every role, writes for ADMIN,
 * STAFF and TOWNSHIP_OFFICER (AUDITOR is read-only); services narrow further with
 * {@code @PreAuthorize} and {@link Caller} township checks.
 */
@AutoConfiguration(before = { ServletWebSecurityAutoConfiguration.class, ManagementWebSecurityAutoConfiguration.class,
		OAuth2ResourceServerAutoConfiguration.class, UserDetailsServiceAutoConfiguration.class })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(JwtProperties.class)
@EnableMethodSecurity
public class PlatformSecurityAutoConfiguration {

	private static final String[] PUBLIC = { "/actuator/health", "/actuator/health/**", "/actuator/info",
			"/actuator/prometheus", "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**", "/error" };

	@Bean
	@ConditionalOnMissingBean(SecurityFilterChain.class)
	SecurityFilterChain platformSecurityFilterChain(HttpSecurity http, JsonMapper json) throws Exception {
		ProblemSecurityHandlers problems = new ProblemSecurityHandlers(json);
		http.csrf((csrf) -> csrf.disable())
			.sessionManagement((s) -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.authorizeHttpRequests((requests) -> requests.requestMatchers(PUBLIC)
				.permitAll()
				.requestMatchers(HttpMethod.GET, "/api/**")
				.hasAnyRole(Role.ADMIN.name(), Role.STAFF.name(), Role.TOWNSHIP_OFFICER.name(), Role.AUDITOR.name())
				.requestMatchers("/api/**")
				.hasAnyRole(Role.ADMIN.name(), Role.STAFF.name(), Role.TOWNSHIP_OFFICER.name())
				.anyRequest()
				.denyAll())
			.oauth2ResourceServer((oauth2) -> oauth2.jwt((jwt) -> jwt.jwtAuthenticationConverter(new JwtRoles()))
				.authenticationEntryPoint(problems)
				.accessDeniedHandler(problems))
			.exceptionHandling((e) -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems));
		return http.build();
	}

	@Bean
	@ConditionalOnMissingBean
	JwtDecoder jwtDecoder(JwtProperties properties) throws IOException {
		NimbusJwtDecoder decoder;
		if (properties.hasProductionIssuer()) {
			if (properties.devKey()) {
				throw new IllegalStateException("resettlement.security.jwt.dev-key must not be set together with a "
						+ "production issuer (issuer-uri / jwk-set-uri).");
			}
			decoder = (properties.jwkSetUri() != null && !properties.jwkSetUri().isBlank())
					? NimbusJwtDecoder.withJwkSetUri(properties.jwkSetUri()).build()
					: NimbusJwtDecoder.withIssuerLocation(properties.issuerUri()).build();
		}
		else if (properties.devKey()) {
			decoder = NimbusJwtDecoder.withPublicKey(developmentKey()).build();
		}
		else {
			throw new IllegalStateException("No token issuer is configured. Set resettlement.security.jwt.issuer-uri "
					+ "(or jwk-set-uri and issuer) for production, or resettlement.security.jwt.dev-key=true for "
					+ "local runs and tests.");
		}
		if (properties.expectedIssuer() == null) {
			throw new IllegalStateException("Set resettlement.security.jwt.issuer: the expected iss claim.");
		}
		OAuth2TokenValidator<Jwt> audience = new JwtClaimValidator<List<String>>("aud",
				(aud) -> aud != null && aud.contains(properties.audience()));
		decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
				JwtValidators.createDefaultWithIssuer(properties.expectedIssuer()), audience));
		return decoder;
	}

	private static RSAPublicKey developmentKey() throws IOException {
		try (InputStream in = new ClassPathResource(JwtProperties.DEV_PUBLIC_KEY).getInputStream()) {
			return RsaKeyConverters.x509().convert(in);
		}
	}

}
