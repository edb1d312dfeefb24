package cn.resettlement.tokencli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Mints a bearer token signed with the DEVELOPMENT key, for the local runner and manual
 * calls:
 *
 * <pre>
 * java -jar infra/token-cli/target/token-cli-1.0.0-SNAPSHOT.jar --user alice --roles STAFF
 * java -jar infra/token-cli/target/token-cli-1.0.0-SNAPSHOT.jar --user bob --roles TOWNSHIP_OFFICER --township 430582101 --ttl 8h
 * </pre>
 *
 * Prints only the token (so {@code TOKEN=$(...)} works). The claims follow the platform's
 * conventions: {@code sub}, {@code roles}, {@code township}, issuer
 * {@code resettlement-dev}, audience {@code resettlement}. The development key is public
 * (it is in the repository): services accept it only with {@code JWT_DEV_KEY=true} and
 * refuse to start with it when a production issuer is configured.
 */
public final class MintToken {

	static final String DEV_ISSUER = "resettlement-dev";

	static final String AUDIENCE = "resettlement";

	static final String DEV_PRIVATE_KEY = "dev-keys/dev-jwt-private.pem";

	private static final Set<String> ROLES = Set.of("ADMIN", "STAFF", "TOWNSHIP_OFFICER", "AUDITOR");

	private static final Pattern TOWNSHIP = Pattern.compile("[0-9]{9}");

	private static final Pattern TTL = Pattern.compile("([0-9]+)([smhd])");

	private static final String USAGE = """
			usage: MintToken --user NAME --roles ROLE[,ROLE...] [--township CODE] [--ttl 8h]
			                 [--issuer resettlement-dev] [--audience resettlement] [--key private-key.pem]
			                 [--count N]   (N tokens, one per line, for users NAME-1 ... NAME-N)
			  roles: ADMIN, STAFF, TOWNSHIP_OFFICER (needs --township, 9 digits), AUDITOR
			  ttl:   e.g. 30m, 8h, 1d (default 8h)
			Prints a JWT signed with the DEVELOPMENT key (accepted only where JWT_DEV_KEY=true).""";

	private MintToken() {
	}

	public static void main(String[] args) {
		System.exit(run(args, System.out, System.err, Instant.now()));
	}

	static int run(String[] args, PrintStream out, PrintStream err, Instant now) {
		try {
			Options options = Options.parse(args);
			if (options == null) {
				out.println(USAGE);
				return 0;
			}
			if (options.count() == 1) {
				out.println(mint(options, now));
			}
			else {
				for (int i = 1; i <= options.count(); i++) {
					out.println(mint(options.forUser(options.user() + "-" + i), now));
				}
			}
			return 0;
		}
		catch (IllegalArgumentException ex) {
			err.println("MintToken: " + ex.getMessage());
			err.println(USAGE);
			return 2;
		}
		catch (IOException | GeneralSecurityException ex) {
			err.println("MintToken: cannot sign: " + ex.getMessage());
			return 1;
		}
	}

	static String mint(Options options, Instant now) throws IOException, GeneralSecurityException {
		Map<String, Object> claims = new LinkedHashMap<>();
		claims.put("iss", options.issuer());
		claims.put("sub", options.user());
		claims.put("aud", options.audience());
		claims.put("iat", now.getEpochSecond());
		claims.put("exp", now.plus(options.ttl()).getEpochSecond());
		claims.put("jti", UUID.randomUUID().toString());
		claims.put("roles", options.roles());
		if (options.township() != null) {
			claims.put("township", options.township());
		}
		String signingInput = base64Url(Json.of(Map.of("alg", "RS256", "typ", "JWT")).getBytes(StandardCharsets.UTF_8))
				+ "." + base64Url(Json.of(claims).getBytes(StandardCharsets.UTF_8));
		Signature rsa = Signature.getInstance("SHA256withRSA");
		rsa.initSign(privateKey(options.keyFile()));
		rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
		return signingInput + "." + base64Url(rsa.sign());
	}

	private static PrivateKey privateKey(Path keyFile) throws IOException, GeneralSecurityException {
		String pem;
		if (keyFile != null) {
			pem = Files.readString(keyFile, StandardCharsets.US_ASCII);
		}
		else {
			try (InputStream in = MintToken.class.getClassLoader().getResourceAsStream(DEV_PRIVATE_KEY)) {
				if (in == null) {
					throw new IOException("the development key " + DEV_PRIVATE_KEY + " is not on the class path");
				}
				pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
			}
		}
		String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
		return KeyFactory.getInstance("RSA")
			.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
	}

	private static String base64Url(byte[] bytes) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	/** Command-line options. */
	record Options(String user, List<String> roles, String township, Duration ttl, String issuer, String audience,
			Path keyFile, int count) {

		Options forUser(String name) {
			return new Options(name, this.roles, this.township, this.ttl, this.issuer, this.audience, this.keyFile, 1);
		}

		/** The options, or {@code null} when help was asked for. */
		static Options parse(String[] args) {
			Map<String, String> values = new LinkedHashMap<>();
			for (int i = 0; i < args.length; i++) {
				String name = args[i];
				if (name.equals("--help") || name.equals("-h")) {
					return null;
				}
				if (!Set.of("--user", "--roles", "--township", "--ttl", "--issuer", "--audience", "--key", "--count")
					.contains(name)) {
					throw new IllegalArgumentException("unknown option " + name);
				}
				if (i + 1 >= args.length) {
					throw new IllegalArgumentException(name + " needs a value");
				}
				values.put(name, args[++i]);
			}
			String user = values.get("--user");
			if (user == null || user.isBlank()) {
				throw new IllegalArgumentException("--user is required");
			}
			String rolesValue = values.get("--roles");
			if (rolesValue == null || rolesValue.isBlank()) {
				throw new IllegalArgumentException("--roles is required");
			}
			List<String> roles = new ArrayList<>();
			for (String role : rolesValue.split(",")) {
				String normalized = role.trim().toUpperCase(Locale.ROOT);
				if (!ROLES.contains(normalized)) {
					throw new IllegalArgumentException("unknown role " + role.trim() + " (one of " + ROLES + ")");
				}
				roles.add(normalized);
			}
			String township = values.get("--township");
			if (township != null && !TOWNSHIP.matcher(township).matches()) {
				throw new IllegalArgumentException("--township must be a 9-digit township code");
			}
			if (roles.contains("TOWNSHIP_OFFICER") && township == null) {
				throw new IllegalArgumentException("a TOWNSHIP_OFFICER needs --township");
			}
			return new Options(user, List.copyOf(roles), township, ttl(values.getOrDefault("--ttl", "8h")),
					values.getOrDefault("--issuer", DEV_ISSUER), values.getOrDefault("--audience", AUDIENCE),
					values.containsKey("--key") ? Path.of(values.get("--key")) : null,
					count(values.getOrDefault("--count", "1")));
		}

		private static int count(String value) {
			if (!value.matches("[0-9]{1,5}") || Integer.parseInt(value) < 1) {
				throw new IllegalArgumentException("--count must be a number from 1 to 99999");
			}
			return Integer.parseInt(value);
		}

		private static Duration ttl(String value) {
			var matcher = TTL.matcher(value);
			if (!matcher.matches()) {
				throw new IllegalArgumentException("--ttl must look like 30m, 8h or 1d");
			}
			long amount = Long.parseLong(matcher.group(1));
			Duration ttl = switch (matcher.group(2)) {
				case "s" -> Duration.ofSeconds(amount);
				case "m" -> Duration.ofMinutes(amount);
				case "h" -> Duration.ofHours(amount);
				default -> Duration.ofDays(amount);
			};
			if (ttl.isZero() || ttl.compareTo(Duration.ofDays(30)) > 0) {
				throw new IllegalArgumentException("--ttl must be between 1s and 30d");
			}
			return ttl;
		}

	}

	/** Just enough JSON for claims: strings, numbers, lists of strings, nested maps. */
	static final class Json {

		private Json() {
		}

		static String of(Object value) {
			StringBuilder json = new StringBuilder();
			write(json, value);
			return json.toString();
		}

		private static void write(StringBuilder json, Object value) {
			if (value instanceof Map<?, ?> map) {
				json.append('{');
				boolean first = true;
				for (Map.Entry<?, ?> entry : map.entrySet()) {
					if (!first) {
						json.append(',');
					}
					first = false;
					string(json, entry.getKey().toString());
					json.append(':');
					write(json, entry.getValue());
				}
				json.append('}');
			}
			else if (value instanceof List<?> list) {
				json.append('[');
				for (int i = 0; i < list.size(); i++) {
					if (i > 0) {
						json.append(',');
					}
					write(json, list.get(i));
				}
				json.append(']');
			}
			else if (value instanceof Number number) {
				json.append(number);
			}
			else {
				string(json, String.valueOf(value));
			}
		}

		private static void string(StringBuilder json, String value) {
			json.append('"');
			for (char c : value.toCharArray()) {
				switch (c) {
					case '"' -> json.append("\\\"");
					case '\\' -> json.append("\\\\");
					default -> {
						if (c < 0x20) {
							json.append(String.format("\\u%04x", (int) c));
						}
						else {
							json.append(c);
						}
					}
				}
			}
			json.append('"');
		}

	}

}
