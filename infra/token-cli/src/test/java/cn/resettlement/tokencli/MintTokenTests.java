package cn.resettlement.tokencli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MintTokenTests {

	private static final Instant NOW = Instant.parse("2026-11-28T08:00:00Z");

	@Test
	void mintsATokenSignedWithTheDevelopmentKeyThatServicesTrust() throws Exception {
		Result result = run("--user", "bob", "--roles", "township_officer", "--township", "430582101", "--ttl", "2h");

		assertThat(result.exitCode()).isZero();
		String[] parts = result.out().trim().split("\\.");
		assertThat(parts).hasSize(3);
		Signature rsa = Signature.getInstance("SHA256withRSA");
		rsa.initVerify(developmentPublicKey());
		rsa.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
		assertThat(rsa.verify(Base64.getUrlDecoder().decode(parts[2]))).isTrue();
		assertThat(decode(parts[0])).contains("\"alg\":\"RS256\"");
		assertThat(decode(parts[1])).contains("\"iss\":\"resettlement-dev\"", "\"sub\":\"bob\"",
				"\"aud\":\"resettlement\"", "\"roles\":[\"TOWNSHIP_OFFICER\"]", "\"township\":\"430582101\"",
				"\"iat\":" + NOW.getEpochSecond(), "\"exp\":" + NOW.plus(Duration.ofHours(2)).getEpochSecond());
	}

	@Test
	void defaultsToEightHoursAndNoTownship() {
		Result result = run("--user", "alice", "--roles", "STAFF,AUDITOR");

		String claims = decode(result.out().trim().split("\\.")[1]);
		assertThat(claims).contains("\"roles\":[\"STAFF\",\"AUDITOR\"]",
				"\"exp\":" + NOW.plus(Duration.ofHours(8)).getEpochSecond());
		assertThat(claims).doesNotContain("township");
	}

	@Test
	void refusesAnOfficerWithoutATownship() {
		Result result = run("--user", "bob", "--roles", "TOWNSHIP_OFFICER");

		assertThat(result.exitCode()).isEqualTo(2);
		assertThat(result.out()).isEmpty();
		assertThat(result.err()).contains("needs --township");
	}

	@Test
	void refusesUnknownRolesMalformedTownshipsAndTtls() {
		assertThat(run("--user", "a", "--roles", "ROOT").err()).contains("unknown role ROOT");
		assertThat(run("--user", "a", "--roles", "ADMIN", "--township", "4305821").err()).contains("9-digit");
		assertThat(run("--user", "a", "--roles", "ADMIN", "--ttl", "forever").err()).contains("--ttl");
		assertThat(run("--roles", "ADMIN").err()).contains("--user is required");
	}

	@Test
	void mintsOneTokenPerLineForNumberedUsers() {
		Result result = run("--user", "bench", "--roles", "STAFF", "--count", "3");

		assertThat(result.out().lines().map((token) -> decode(token.split("\\.")[1]))).satisfiesExactly(
				(claims) -> assertThat(claims).contains("\"sub\":\"bench-1\""),
				(claims) -> assertThat(claims).contains("\"sub\":\"bench-2\""),
				(claims) -> assertThat(claims).contains("\"sub\":\"bench-3\""));
	}

	@Test
	void escapesClaimValues() {
		String claims = decode(run("--user", "a\"b\\c", "--roles", "ADMIN").out().trim().split("\\.")[1]);

		assertThat(claims).contains("\"sub\":\"a\\\"b\\\\c\"");
	}

	private static Result run(String... args) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int exitCode = MintToken.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(err, true, StandardCharsets.UTF_8), NOW);
		return new Result(exitCode, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
	}

	private static String decode(String part) {
		return new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8);
	}

	private static PublicKey developmentPublicKey() throws Exception {
		String pem = Files.readString(Path.of("../platform/src/main/resources/dev-keys/dev-jwt-public.pem"));
		byte[] der = Base64.getDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", ""));
		return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der));
	}

	private record Result(int exitCode, String out, String err) {
	}

}
