package cn.resettlement.gateway.limits;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

import cn.resettlement.gateway.GatewayProperties;
import cn.resettlement.gateway.problems.Problems;

/**
 * Request body size limit: 413 problem before anything is forwarded when the declared
 * {@code Content-Length} is over the limit; a body of unknown length (chunked) is counted
 * while it streams and cut off at the limit. Upload paths (imports, bank files) have a
 * larger limit.
 */
@Component
class BodySizeLimitFilter implements GlobalFilter, Ordered {

	private final long max;

	private final long uploadMax;

	private final List<PathPattern> uploadPaths;

	BodySizeLimitFilter(GatewayProperties properties) {
		this.max = properties.bodyLimit().max().toBytes();
		this.uploadMax = properties.bodyLimit().uploadMax().toBytes();
		this.uploadPaths = properties.bodyLimit()
			.uploadPaths()
			.stream()
			.map(PathPatternParser.defaultInstance::parse)
			.toList();
	}

	@Override
	public int getOrder() {
		return RateLimitFilter.ORDER + 10;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
		ServerHttpRequest request = exchange.getRequest();
		long limit = limitFor(request.getPath().pathWithinApplication());
		long declared = request.getHeaders().getContentLength();
		if (declared > limit) {
			return Problems.write(exchange, HttpStatus.CONTENT_TOO_LARGE, "payload-too-large",
					"The request body is larger than " + limit + " bytes.");
		}
		if (declared >= 0 || !hasBody(request)) {
			return chain.filter(exchange);
		}
		ServerHttpRequest counted = new ServerHttpRequestDecorator(request) {
			@Override
			public Flux<DataBuffer> getBody() {
				AtomicLong total = new AtomicLong();
				return super.getBody().handle((buffer, sink) -> {
					if (total.addAndGet(buffer.readableByteCount()) > limit) {
						DataBufferUtils.release(buffer);
						sink.error(new BodyTooLargeException(limit));
					}
					else {
						sink.next(buffer);
					}
				});
			}
		};
		return chain.filter(exchange.mutate().request(counted).build());
	}

	private long limitFor(PathContainer path) {
		for (PathPattern pattern : this.uploadPaths) {
			if (pattern.matches(path)) {
				return this.uploadMax;
			}
		}
		return this.max;
	}

	private static boolean hasBody(ServerHttpRequest request) {
		return request.getHeaders().containsHeader("Transfer-Encoding");
	}

}
