package cn.resettlement.systemtest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one way the system test talks to the platform: the gateway on
 * {@code http://127.0.0.1:8080}, with a bearer token. A 429 from the gateway's per-user
 * rate limit is honoured as HTTP says: the request is repeated after {@code Retry-After}
 * (counted, see {@link #throttled()}). A 502/503/504 of the gateway is repeated (at most
 * eleven times) only for a GET or a write carrying an {@code Idempotency-Key} (counted,
 * see {@link #retried()}).
 */
final class Gateway {

	static final String BASE = "http://127.0.0.1:8080";

	static final JsonMapper JSON = JsonMapper.builder().build();

	private static final HttpClient CLIENT = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private static final AtomicLong REQUESTS = new AtomicLong();

	private static final AtomicLong THROTTLED = new AtomicLong();

	private static final AtomicLong RETRIED = new AtomicLong();

	/** A repeat waits up to the route's timeout (10 s): about two minutes in all. */
	private static final int MAX_ATTEMPTS = 12;

	private final String token;

	private final String user;

	private Gateway(String user, String token) {
		this.user = user;
		this.token = token;
	}

	static Gateway as(String user, String token) {
		return new Gateway(user, token);
	}

	String user() {
		return this.user;
	}

	static long requests() {
		return REQUESTS.get();
	}

	static long throttled() {
		return THROTTLED.get();
	}

	static long retried() {
		return RETRIED.get();
	}

	Response get(String path) {
		return send(request(path).GET());
	}

	Response post(String path, Object body) {
		return post(path, body, Map.of());
	}

	/**
	 * A POST with an {@code Idempotency-Key}, as clients of money-moving commands send.
	 */
	Response postOnce(String path, Object body) {
		return post(path, body, Map.of("Idempotency-Key", UUID.randomUUID().toString()));
	}

	Response post(String path, Object body, Map<String, String> headers) {
		HttpRequest.Builder request = request(path).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body), StandardCharsets.UTF_8));
		headers.forEach(request::header);
		return send(request);
	}

	Response put(String path, Object body, String ifMatch) {
		String json = (body instanceof String text) ? text : JSON.writeValueAsString(body);
		HttpRequest.Builder request = request(path).header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
		if (ifMatch != null) {
			request.header("If-Match", ifMatch);
		}
		return send(request);
	}

	/** Uploads one file as the multipart part {@code file}. */
	Response upload(String path, String filename, String contentType, byte[] content, Map<String, String> headers) {
		String boundary = "----system-test-" + UUID.randomUUID();
		ByteArrayOutputStream body = new ByteArrayOutputStream(content.length + 512);
		try {
			body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
					+ "\"\r\nContent-Type: " + contentType + "\r\n\r\n")
				.getBytes(StandardCharsets.UTF_8));
			body.write(content);
			body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		HttpRequest.Builder request = request(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
		headers.forEach(request::header);
		return send(request);
	}

	private HttpRequest.Builder request(String path) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(BASE + path)).timeout(Duration.ofSeconds(90));
		if (this.token != null) {
			builder.header("Authorization", "Bearer " + this.token);
		}
		return builder;
	}

	private Response send(HttpRequest.Builder builder) {
		HttpRequest request = builder.build();
		int attempts = 0;
		while (true) {
			REQUESTS.incrementAndGet();
			HttpResponse<byte[]> response;
			try {
				response = CLIENT.send(request, HttpResponse.BodyHandlers.ofByteArray());
			}
			catch (IOException ex) {
				throw new UncheckedIOException(request.method() + " " + request.uri(), ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
			int status = response.statusCode();
			if (status == 429) {
				THROTTLED.incrementAndGet();
				long seconds = response.headers().firstValueAsLong("Retry-After").orElse(1);
				backOff(Duration.ofSeconds(Math.max(1, seconds)));
				continue;
			}
			if (status >= 502 && status <= 504 && safeToRepeat(request) && ++attempts < MAX_ATTEMPTS) {
				// the gateway's timeout or open circuit: a GET, or a write with its
				// Idempotency-Key, may be repeated (docs/gateway.md: the services make
				// that safe — a repeat waits for the first to commit and gets its answer)
				RETRIED.incrementAndGet();
				System.out.println("[system-test] repeating " + request.method() + " " + request.uri().getPath()
						+ " after " + status + " (attempt " + (attempts + 1) + ")");
				backOff(Duration.ofSeconds(1));
				continue;
			}
			return new Response(status, response.headers(), response.body());
		}
	}

	private static boolean safeToRepeat(HttpRequest request) {
		return request.method().equals("GET") || request.headers().firstValue("Idempotency-Key").isPresent();
	}

	/**
	 * The client's side of the gateway's rate limit (429 + Retry-After): wait as told.
	 * This is protocol back-off, not synchronisation with asynchronous work (that is
	 * always polled with a deadline, Awaitility).
	 */
	private static void backOff(Duration retryAfter) {
		try {
			Thread.sleep(retryAfter.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * An answer.
	 *
	 * @param status HTTP status
	 * @param headers headers
	 * @param bytes body
	 */
	record Response(int status, HttpHeaders headers, byte[] bytes) {

		String body() {
			return new String(this.bytes, StandardCharsets.UTF_8);
		}

		JsonNode json() {
			return (this.bytes.length == 0) ? JSON.missingNode() : JSON.readTree(this.bytes);
		}

		String at(String pointer) {
			return json().at(pointer).asString();
		}

		String header(String name) {
			return this.headers.firstValue(name).orElse(null);
		}

		@Override
		public String toString() {
			String text = body();
			return this.status + " " + ((text.length() > 2000) ? text.substring(0, 2000) + "…" : text);
		}

	}

}
