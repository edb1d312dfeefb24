package cn.resettlement.gateway.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.interfaces.RSAPublicKey;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.io.ClassPathResource;
import org.springframework.security.converter.RsaKeyConverters;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

/**
 * The token decoder for the configured issuer: signature (RS256 from the issuer's JWK
 * set, or the development key), expiry, issuer and audience. Start-up fails rather than
 * guess when the configuration is ambiguous or missing.
 */
public final class TokenDecoders {

	private static final Logger log = LoggerFactory.getLogger(TokenDecoders.class);

	private TokenDecoders() {
	}

	public static ReactiveJwtDecoder of(JwtProperties properties) {
		NimbusReactiveJwtDecoder decoder;
		if (properties.hasProductionIssuer()) {
			if (properties.devKey()) {
				throw new IllegalStateException("resettlement.security.jwt.dev-key (JWT_DEV_KEY) must not be set "
						+ "together with a production issuer (issuer-uri / jwk-set-uri).");
			}
			// both fetch keys lazily: the gateway starts while the issuer is down
			decoder = (properties.jwkSetUri() != null && !properties.jwkSetUri().isBlank())
					? NimbusReactiveJwtDecoder.withJwkSetUri(properties.jwkSetUri()).build()
					: NimbusReactiveJwtDecoder.withIssuerLocation(properties.issuerUri()).build();
		}
		else if (properties.devKey()) {
			log.warn("Accepting tokens signed with the DEVELOPMENT key (issuer {}). Never in production: "
					+ "set JWT_ISSUER_URI or JWT_JWK_SET_URI instead.", JwtProperties.DEV_ISSUER);
			decoder = NimbusReactiveJwtDecoder.withPublicKey(developmentKey()).build();
		}
		else {
			throw new IllegalStateException("No token issuer is configured. Set resettlement.security.jwt.issuer-uri "
					+ "(JWT_ISSUER_URI), or jwk-set-uri and issuer (JWT_JWK_SET_URI, JWT_ISSUER) for production, or "
					+ "resettlement.security.jwt.dev-key=true (JWT_DEV_KEY) for local runs and tests.");
		}
		String issuer = properties.expectedIssuer();
		if (issuer == null) {
			throw new IllegalStateException(
					"Set resettlement.security.jwt.issuer (JWT_ISSUER): the expected iss claim.");
		}
		OAuth2TokenValidator<Jwt> audience = new JwtClaimValidator<List<String>>("aud",
				(aud) -> aud != null && aud.contains(properties.audience()));
		decoder.setJwtValidator(
				new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefaultWithIssuer(issuer), audience));
		return decoder;
	}

	private static RSAPublicKey developmentKey() {
		try (InputStream in = new ClassPathResource(JwtProperties.DEV_PUBLIC_KEY).getInputStream()) {
			return RsaKeyConverters.x509().convert(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the development key " + JwtProperties.DEV_PUBLIC_KEY, ex);
		}
	}

}
