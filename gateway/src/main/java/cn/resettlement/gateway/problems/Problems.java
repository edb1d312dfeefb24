package cn.resettlement.gateway.problems;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;

import cn.resettlement.gateway.observability.RequestContext;

/**
 * Answers of the gateway itself as RFC 9457 problem details, in the platform's shape:
 * type {@code /problems/<slug>}, title, status, detail, instance, and the request id to
 * quote when asking for help.
 */
public final class Problems {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private Problems() {
	}

	/** Writes a problem unless the response is already on its way. */
	public static Mono<Void> write(ServerWebExchange exchange, HttpStatusCode status, String slug, String detail) {
		ServerHttpResponse response = exchange.getResponse();
		if (response.isCommitted()) {
			return Mono.empty();
		}
		Map<String, Object> problem = new LinkedHashMap<>();
		problem.put("type", "/problems/" + slug);
		HttpStatus known = HttpStatus.resolve(status.value());
		problem.put("title", (known != null) ? known.getReasonPhrase() : "Error");
		problem.put("status", status.value());
		problem.put("detail", detail);
		problem.put("instance", exchange.getRequest().getPath().value());
		String requestId = RequestContext.requestId(exchange);
		if (requestId != null) {
			problem.put("requestId", requestId);
		}
		byte[] body = JSON.writeValueAsString(problem).getBytes(StandardCharsets.UTF_8);
		response.setStatusCode(status);
		response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		response.getHeaders().setContentLength(body.length);
		DataBuffer buffer = response.bufferFactory().wrap(body);
		return response.writeWith(Mono.just(buffer));
	}

}
