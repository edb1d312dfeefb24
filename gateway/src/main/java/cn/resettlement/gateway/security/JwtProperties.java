package cn.resettlement.gateway.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the gateway validates tokens, under {@code resettlement.security.jwt.*}: the same
 * settings (and environment variables) as every service, so one configuration serves the
 * whole platform. Production names an OIDC issuer ({@code issuer-uri}: discovery) or a
 * JWK set ({@code jwk-set-uri} with {@code issuer}); local runs and tests set
 * {@code dev-key=true} to accept tokens signed with the development key. The development
 * key is refused when a production issuer is configured.
 *
 * @param issuerUri OIDC issuer location, e.g.
 * {@code https://sso.example/realms/resettlement}
 * @param jwkSetUri JWK set URI, when the issuer has no discovery document or is reached
 * under another address than the one in its tokens
 * @param issuer expected {@code iss} claim (defaults to issuerUri;
 * {@code resettlement-dev} with the development key)
 * @param audience expected {@code aud} claim
 * @param devKey accept tokens signed with the development key (never in production)
 */
@ConfigurationProperties("resettlement.security.jwt")
public record JwtProperties(String issuerUri, String jwkSetUri, String issuer,
		@DefaultValue("resettlement") String audience, @DefaultValue("false") boolean devKey) {

	/** The issuer of development tokens. */
	public static final String DEV_ISSUER = "resettlement-dev";

	/** Public half of the development key pair (clearly not a production secret). */
	public static final String DEV_PUBLIC_KEY = "dev-keys/dev-jwt-public.pem";

	String expectedIssuer() {
		if (hasText(this.issuer)) {
			return this.issuer;
		}
		if (hasText(this.issuerUri)) {
			return this.issuerUri;
		}
		return this.devKey ? DEV_ISSUER : null;
	}

	boolean hasProductionIssuer() {
		return hasText(this.issuerUri) || hasText(this.jwkSetUri);
	}

	private static boolean hasText(String value) {
		return value != null && !value.isBlank();
	}

}
