package cn.resettlement.gateway.security;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

import cn.resettlement.platform.security.Role;
import cn.resettlement.testsupport.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TokenDecodersTests {

	private HttpServer identityProvider;

	@AfterEach
	void stop() {
		if (this.identityProvider != null) {
			this.identityProvider.stop(0);
		}
	}

	@Test
	void refusesToStartWithTheDevelopmentKeyWhenAProductionIssuerIsConfigured() {
		assertThatIllegalStateException()
			.isThrownBy(() -> TokenDecoders
				.of(new JwtProperties("https://sso.example/realms/resettlement", null, null, "resettlement", true)))
			.withMessageContaining("dev-key");
		assertThatIllegalStateException()
			.isThrownBy(() -> TokenDecoders
				.of(new JwtProperties(null, "https://sso.example/certs", "https://sso.example", "resettlement", true)))
			.withMessageContaining("dev-key");
	}

	@Test
	void refusesToStartWithoutAnyIssuerOrWithAJwkSetButNoExpectedIssuer() {
		assertThatIllegalStateException()
			.isThrownBy(() -> TokenDecoders.of(new JwtProperties(null, null, null, "resettlement", false)))
			.withMessageContaining("No token issuer");
		assertThatIllegalStateException()
			.isThrownBy(() -> TokenDecoders
				.of(new JwtProperties(null, "https://sso.example/certs", null, "resettlement", false)))
			.withMessageContaining("issuer");
	}

	@Test
	void theDevelopmentKeyAcceptsDevelopmentTokensAndChecksExpiryIssuerAndAudience() {
		ReactiveJwtDecoder decoder = TokenDecoders.of(new JwtProperties(null, null, null, "resettlement", true));

		Jwt jwt = decoder.decode(TestTokens.officer("bob", "430582101")).block();

		assertThat(jwt.getSubject()).isEqualTo("bob");
		assertThat(jwt.getClaimAsString("township")).isEqualTo("430582101");
		for (String rejected : List.of(
				TestTokens.builder("a", null, Role.STAFF).expiredAgo(Duration.ofMinutes(5)).sign(),
				TestTokens.builder("a", null, Role.STAFF).issuer("https://evil.example").sign(),
				TestTokens.builder("a", null, Role.STAFF).audience("other").sign(),
				TestTokens.builder("a", null, Role.STAFF).signedWithUnknownKey().sign())) {
			assertThatThrownBy(() -> decoder.decode(rejected).block()).isInstanceOf(JwtException.class);
		}
	}

	@Test
	void aProductionIssuersKeysAreUsedAndTheDevelopmentKeyIsNot() throws Exception {
		RSAKey key = new RSAKeyGenerator(2048).keyID("idp-1").generate();
		String jwks = serveJwks(new JWKSet(key.toPublicJWK()));
		String issuer = "https://sso.example/realms/resettlement";
		ReactiveJwtDecoder decoder = TokenDecoders.of(new JwtProperties(null, jwks, issuer, "resettlement", false));

		Jwt jwt = decoder.decode(sign(key, issuer, "resettlement")).block();

		assertThat(jwt.getClaimAsString("preferred_username")).isEqualTo("dev-staff");
		assertThatThrownBy(() -> decoder.decode(sign(key, issuer, "account")).block()).isInstanceOf(JwtException.class);
		assertThatThrownBy(
				() -> decoder.decode(TestTokens.builder("a", null, Role.ADMIN).issuer(issuer).sign()).block())
			.as("a token signed with the development key")
			.isInstanceOf(JwtException.class);
	}

	private String serveJwks(JWKSet keys) throws IOException {
		byte[] body = keys.toString().getBytes(StandardCharsets.UTF_8);
		this.identityProvider = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.identityProvider.createContext("/certs", (exchange) -> {
			exchange.getResponseHeaders().set("Content-Type", "application/json");
			exchange.sendResponseHeaders(200, body.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
		});
		this.identityProvider.start();
		return "http://127.0.0.1:" + this.identityProvider.getAddress().getPort() + "/certs";
	}

	private static String sign(RSAKey key, String issuer, String audience) throws Exception {
		Instant now = Instant.now();
		JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(issuer)
			.subject("6f1c2a9e")
			.audience(audience)
			.claim("preferred_username", "dev-staff")
			.claim("realm_access", java.util.Map.of("roles", List.of("STAFF")))
			.issueTime(Date.from(now))
			.expirationTime(Date.from(now.plusSeconds(300)))
			.build();
		SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
		jwt.sign(new RSASSASigner(key));
		return jwt.serialize();
	}

}
