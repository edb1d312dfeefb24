package cn.resettlement.testsupport;

import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.EntityExchangeResult;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * Terse HTTP calls for integration tests: a bearer token, a JSON body (a string is sent
 * as it is, so tests can send malformed JSON), and the response as status, headers and
 * JSON.
 */
public final class TestHttp {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final RestTestClient client;

	private final String token;

	public TestHttp(RestTestClient client) {
		this(client, null);
	}

	private TestHttp(RestTestClient client, String token) {
		this.client = client;
		this.token = token;
	}

	/** The same client with this bearer token. */
	public TestHttp as(String token) {
		return new TestHttp(this.client, token);
	}

	public Response get(String uri) {
		return exchange(HttpMethod.GET, uri, null, Map.of());
	}

	public Response post(String uri, Object body) {
		return exchange(HttpMethod.POST, uri, body, Map.of());
	}

	public Response post(String uri, Object body, Map<String, String> headers) {
		return exchange(HttpMethod.POST, uri, body, headers);
	}

	public Response put(String uri, Object body) {
		return exchange(HttpMethod.PUT, uri, body, Map.of());
	}

	public Response patch(String uri, Object body, String ifMatch) {
		return exchange(HttpMethod.PATCH, uri, body, (ifMatch != null) ? Map.of("If-Match", ifMatch) : Map.of());
	}

	public Response exchange(HttpMethod method, String uri, Object body, Map<String, String> headers) {
		RestTestClient.RequestBodySpec request = this.client.method(method).uri(uri).headers((h) -> {
			if (this.token != null) {
				h.setBearerAuth(this.token);
			}
			headers.forEach(h::set);
		});
		if (body != null) {
			request.contentType(MediaType.APPLICATION_JSON)
				.body((body instanceof String text) ? text : JSON.writeValueAsString(body));
		}
		return Response.of(request.exchange().returnResult(String.class));
	}

	/** Uploads one file as the multipart part {@code file}. */
	public Response upload(String uri, String filename, byte[] content) {
		MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
		parts.add("file", new ByteArrayResource(content) {
			@Override
			public String getFilename() {
				return filename;
			}
		});
		RestTestClient.RequestBodySpec request = this.client.post().uri(uri).headers((h) -> {
			if (this.token != null) {
				h.setBearerAuth(this.token);
			}
		});
		return Response
			.of(request.contentType(MediaType.MULTIPART_FORM_DATA).body(parts).exchange().returnResult(String.class));
	}

	/** Downloads a body as bytes (files). */
	public byte[] download(String uri) {
		return this.client.get().uri(uri).headers((h) -> {
			if (this.token != null) {
				h.setBearerAuth(this.token);
			}
		}).exchange().returnResult(byte[].class).getResponseBody();
	}

	/**
	 * A response.
	 *
	 * @param status HTTP status
	 * @param headers response headers
	 * @param body body text, or {@code null}
	 */
	public record Response(int status, HttpHeaders headers, String body) {

		static Response of(EntityExchangeResult<String> result) {
			return new Response(result.getStatus().value(), result.getResponseHeaders(), result.getResponseBody());
		}

		public JsonNode json() {
			return (this.body == null || this.body.isBlank()) ? JSON.missingNode() : JSON.readTree(this.body);
		}

		/** A value by JSON Pointer, e.g. {@code /items/0/id}. */
		public String at(String pointer) {
			return json().at(pointer).asString();
		}

		public String etag() {
			return this.headers.getETag();
		}

		public MediaType contentType() {
			return this.headers.getContentType();
		}

		@Override
		public String toString() {
			return this.status + " " + this.body;
		}

	}

}
