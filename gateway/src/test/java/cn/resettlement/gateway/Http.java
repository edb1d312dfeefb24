package cn.resettlement.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Plain HTTP calls as an outside client makes them (JDK client, HTTP/1.1), with an
 * optional bearer token and extra headers; bodies are JSON unless given as a publisher.
 */
final class Http {

	static final JsonMapper JSON = JsonMapper.builder().build();

	private static final HttpClient CLIENT = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private final String baseUrl;

	private final Map<String, String> headers;

	Http(String baseUrl) {
		this(baseUrl, Map.of());
	}

	private Http(String baseUrl, Map<String, String> headers) {
		this.baseUrl = baseUrl;
		this.headers = headers;
	}

	/** The same client with this bearer token. */
	Http as(String token) {
		return with("Authorization", "Bearer " + token);
	}

	/** The same client sending this header too. */
	Http with(String name, String value) {
		Map<String, String> more = new LinkedHashMap<>(this.headers);
		more.put(name, value);
		return new Http(this.baseUrl, more);
	}

	Response get(String path) {
		return send("GET", path, HttpRequest.BodyPublishers.noBody());
	}

	Response post(String path, Object body) {
		return json("POST", path, body);
	}

	Response patch(String path, Object body, String ifMatch) {
		return with("If-Match", ifMatch).json("PATCH", path, body);
	}

	Response json(String method, String path, Object body) {
		return with("Content-Type", "application/json").send(method, path,
				HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
	}

	Response send(String method, String path, HttpRequest.BodyPublisher body) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.baseUrl + path))
			.timeout(Duration.ofSeconds(30))
			.method(method, body);
		this.headers.forEach(request::header);
		long start = System.nanoTime();
		try {
			HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
			return new Response(response.statusCode(), response.headers(), response.body(),
					Duration.ofNanos(System.nanoTime() - start));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * A response.
	 *
	 * @param status HTTP status
	 * @param headers response headers
	 * @param body body text
	 * @param elapsed time from sending to the complete response
	 */
	record Response(int status, HttpHeaders headers, String body, Duration elapsed) {

		JsonNode json() {
			return (this.body == null || this.body.isBlank()) ? JSON.missingNode() : JSON.readTree(this.body);
		}

		/** A value by JSON Pointer, e.g. {@code /items/0/id}. */
		String at(String pointer) {
			return json().at(pointer).asString();
		}

		String header(String name) {
			return this.headers.firstValue(name).orElse(null);
		}

		String contentType() {
			return header("Content-Type");
		}

		@Override
		public String toString() {
			return this.status + " " + this.body;
		}

	}

}
