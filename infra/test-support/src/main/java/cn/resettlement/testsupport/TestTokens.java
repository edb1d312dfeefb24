package cn.resettlement.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.List;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import cn.resettlement.platform.security.JwtProperties;
import cn.resettlement.platform.security.Role;

/**
 * Bearer tokens signed with the development key (clearly not a production secret: it is
 * in the repository), as the local runner's {@code token} command mints them.
 */
public final class TestTokens {

	public static final String DEV_PRIVATE_KEY = "dev-keys/dev-jwt-private.pem";

	private static final RSAPrivateKey DEV_KEY = readDevKey();

	private TestTokens() {
	}

	public static String admin(String user) {
		return token(user, null, Role.ADMIN);
	}

	public static String staff(String user) {
		return token(user, null, Role.STAFF);
	}

	public static String auditor(String user) {
		return token(user, null, Role.AUDITOR);
	}

	public static String officer(String user, String township) {
		return token(user, township, Role.TOWNSHIP_OFFICER);
	}

	public static String token(String user, String township, Role... roles) {
		return builder(user, township, roles).sign();
	}

	public static Builder builder(String user, String township, Role... roles) {
		return new Builder(user, township, Arrays.stream(roles).map(Role::name).toList());
	}

	/** A token with every claim under the test's control. */
	public static final class Builder {

		private final JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder();

		private RSAPrivateKey key = DEV_KEY;

		private Builder(String user, String township, List<String> roles) {
			Instant now = Instant.now();
			this.claims.subject(user)
				.issuer(JwtProperties.DEV_ISSUER)
				.audience("resettlement")
				.issueTime(Date.from(now))
				.expirationTime(Date.from(now.plus(Duration.ofHours(1))))
				.claim("roles", roles);
			if (township != null) {
				this.claims.claim("township", township);
			}
		}

		public Builder expiredAgo(Duration ago) {
			this.claims.expirationTime(Date.from(Instant.now().minus(ago)))
				.issueTime(Date.from(Instant.now().minus(ago).minus(Duration.ofHours(1))));
			return this;
		}

		public Builder issuer(String issuer) {
			this.claims.issuer(issuer);
			return this;
		}

		public Builder audience(String audience) {
			this.claims.audience(audience);
			return this;
		}

		public Builder claim(String name, Object value) {
			this.claims.claim(name, value);
			return this;
		}

		/** Signs with a freshly generated key the services do not trust. */
		public Builder signedWithUnknownKey() {
			try {
				KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
				generator.initialize(2048);
				this.key = (RSAPrivateKey) generator.generateKeyPair().getPrivate();
			}
			catch (NoSuchAlgorithmException ex) {
				throw new IllegalStateException(ex);
			}
			return this;
		}

		public String sign() {
			try {
				SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).build(), this.claims.build());
				jwt.sign(new RSASSASigner(this.key));
				return jwt.serialize();
			}
			catch (JOSEException ex) {
				throw new IllegalStateException(ex);
			}
		}

	}

	private static RSAPrivateKey readDevKey() {
		try (InputStream in = TestTokens.class.getClassLoader().getResourceAsStream(DEV_PRIVATE_KEY)) {
			String pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
			String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
			return (RSAPrivateKey) KeyFactory.getInstance("RSA")
				.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
		}
		catch (IOException | NoSuchAlgorithmException | InvalidKeySpecException ex) {
			throw new IllegalStateException("Cannot read the development key " + DEV_PRIVATE_KEY, ex);
		}
	}

}
