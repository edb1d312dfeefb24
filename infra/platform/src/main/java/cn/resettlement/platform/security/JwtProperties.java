package cn.resettlement.platform.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How tokens are validated, under {@code resettlement.security.jwt.*}. Production names
 * an OIDC issuer ({@code issuer-uri}, discovery) or a JWK set ({@code jwk-set-uri} with
 * {@code issuer}); local runs and tests set {@code dev-key=true} to accept tokens signed
 * with the development key shipped in the platform. The development key is refused when a
 * production issuer is configured.
 *
 * @param issuerUri OIDC issuer location, e.g.
 * {@code https://sso.example/realms/resettlement}
 * @param jwkSetUri JWK set URI, when the issuer has no discovery document
 * @param issuer expected {@code iss} claim (defaults to issuerUri;
 * {@code resettlement-dev} with the development key)
 * @param audience expected {@code aud} claim
 * @param devKey accept tokens signed with the development key (never in production)
 */
@ConfigurationProperties("resettlement.security.jwt")
public record JwtProperties(String issuerUri, String jwkSetUri, String issuer,
		@DefaultValue("resettlement") String audience, @DefaultValue("false") boolean devKey) {

	public static final String DEV_ISSUER = "resettlement-dev";

	public static final String DEV_PUBLIC_KEY = "dev-keys/dev-jwt-public.pem";

	public String expectedIssuer() {
		if (this.issuer != null && !this.issuer.isBlank()) {
			return this.issuer;
		}
		if (this.issuerUri != null && !this.issuerUri.isBlank()) {
			return this.issuerUri;
		}
		return this.devKey ? DEV_ISSUER : null;
	}

	boolean hasProductionIssuer() {
		return (this.issuerUri != null && !this.issuerUri.isBlank())
				|| (this.jwkSetUri != null && !this.jwkSetUri.isBlank());
	}

}
