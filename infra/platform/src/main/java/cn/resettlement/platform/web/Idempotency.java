package cn.resettlement.platform.web;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import cn.resettlement.platform.security.Caller;

/**
 * {@code Idempotency-Key} for creating commands. The key is claimed in the same
 * transaction as the command's effect and the first response is stored with it, so a
 * retry — also a concurrent one — gets the first response back and changes nothing. A
 * failed command rolls back its claim, so it can be retried with the same key.
 */
public class Idempotency {

	public static final String HEADER = "Idempotency-Key";

	private static final List<String> REPLAYED_HEADERS = List.of(HttpHeaders.LOCATION, HttpHeaders.ETAG);

	private static final TypeReference<Map<String, String>> STRING_MAP = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final JsonMapper json;

	public Idempotency(JdbcClient jdbc, TransactionTemplate transactions, JsonMapper json) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.json = json;
	}

	/**
	 * Runs a command once per key.
	 * @param key the Idempotency-Key header; without one the command simply runs
	 * @param request the request body, to detect a key reused for a different request
	 * @param command the command, run in the transaction that claims the key
	 * @return the command's response, or the stored first response on a repeat
	 */
	public ResponseEntity<?> execute(String key, Object request, Supplier<ResponseEntity<?>> command) {
		if (key == null) {
			return this.transactions.execute((status) -> command.get());
		}
		if (key.isBlank() || key.length() > 200) {
			throw ApiException.invalid(HEADER, "must be 1 to 200 characters");
		}
		String scope = scope();
		String hash = hash(request);
		return this.transactions.execute((status) -> {
			int claimed = this.jdbc.sql(
					"insert into idempotency_record (scope, idem_key, request_hash) values (?, ?, ?) on conflict do nothing")
				.params(scope, key, hash)
				.update();
			if (claimed == 1) {
				ResponseEntity<?> response = command.get();
				Map<String, String> headers = new LinkedHashMap<>();
				for (String name : REPLAYED_HEADERS) {
					String value = response.getHeaders().getFirst(name);
					if (value != null) {
						headers.put(name, value);
					}
				}
				this.jdbc.sql(
						"update idempotency_record set status = ?, body = ?, headers = ? where scope = ? and idem_key = ?")
					.params(response.getStatusCode().value(),
							(response.getBody() != null) ? this.json.writeValueAsString(response.getBody()) : null,
							this.json.writeValueAsString(headers), scope, key)
					.update();
				return response;
			}
			return replay(scope, key, hash);
		});
	}

	private ResponseEntity<?> replay(String scope, String key, String hash) {
		Optional<Stored> stored = this.jdbc
			.sql("select request_hash, status, body, headers from idempotency_record where scope = ? and idem_key = ?")
			.params(scope, key)
			.query((rs, n) -> new Stored(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4)))
			.optional();
		Stored first = stored.orElseThrow(() -> ApiException.conflict("idempotency-in-progress",
				"A request with this Idempotency-Key is still being processed; retry shortly."));
		if (!first.requestHash().equals(hash)) {
			throw ApiException.unprocessable("idempotency-key-reused",
					"This Idempotency-Key was used for a different request.");
		}
		ResponseEntity.BodyBuilder builder = ResponseEntity.status(first.status())
			.header("Idempotent-Replayed", "true");
		return (first.body() != null) ? builder.contentType(MediaType.APPLICATION_JSON).body(first.body())
				: builder.build();
	}

	private static String scope() {
		String path = "";
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
			HttpServletRequest request = attributes.getRequest();
			path = request.getMethod() + " " + request.getRequestURI();
		}
		return Caller.current().userId() + " " + path;
	}

	private String hash(Object request) {
		try {
			byte[] body = (request != null) ? this.json.writeValueAsBytes(request) : new byte[0];
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private record Stored(String requestHash, int status, String body, String headers) {
	}

}
