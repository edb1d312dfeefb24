package cn.resettlement.platform.security;

import feign.RequestInterceptor;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Service-to-service calls carry the caller's bearer token, so the called service applies
 * the same roles and township scope. Works in jobs too: they run with the submitter's
 * security context.
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

}
