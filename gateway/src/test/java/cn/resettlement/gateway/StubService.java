package cn.resettlement.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in service that records what reaches it (method, path, headers, body size) and
 * answers 200 JSON, so tests can see exactly what the gateway forwards. A path containing
 * {@code /drop-first/} has its first request's connection closed without an answer; a
 * path containing {@code /together/} is answered only once as many requests as
 * {@link #holdTogether(int)} asked for are in flight at the same time (or after 8 s,
 * within the route timeout).
 */
final class StubService implements AutoCloseable {

	private final String name;

	private final HttpServer server;

	private final ConcurrentLinkedQueue<Received> received = new ConcurrentLinkedQueue<>();

	private final Set<String> dropped = ConcurrentHashMap.newKeySet();

	private volatile CountDownLatch together = new CountDownLatch(0);

	private StubService(String name, HttpServer server) {
		this.name = name;
		this.server = server;
	}

	static StubService start(String name) {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 100);
			StubService stub = new StubService(name, server);
			server.createContext("/", stub::handle);
			server.setExecutor(Executors.newCachedThreadPool());
			server.start();
			return stub;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	String baseUrl() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	/** Answers {@code /together/} requests only when this many are in flight at once. */
	void holdTogether(int requests) {
		this.together = new CountDownLatch(requests);
	}

	/** Whether the last {@link #holdTogether(int)} group was all in flight at once. */
	boolean wereTogether() {
		return this.together.getCount() == 0;
	}

	/** Requests that reached this stub at exactly this path (query excluded). */
	List<Received> receivedAt(String path) {
		return this.received.stream().filter((r) -> r.path().equals(path)).toList();
	}

	private void handle(HttpExchange exchange) throws IOException {
		long size = 0;
		try (InputStream body = exchange.getRequestBody()) {
			byte[] chunk = new byte[8192];
			for (int n = body.read(chunk); n != -1; n = body.read(chunk)) {
				size += n;
			}
		}
		catch (IOException ex) {
			// a body cut off by the gateway: recorded with what arrived
		}
		String path = exchange.getRequestURI().getPath();
		Map<String, List<String>> headers = new LinkedHashMap<>();
		exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
		this.received.add(new Received(exchange.getRequestMethod(), path, headers, size));
		if (path.contains("/together/")) {
			CountDownLatch latch = this.together;
			latch.countDown();
			try {
				latch.await(8, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		if (path.contains("/drop-first/") && this.dropped.add(path)) {
			// no status line at all: the connection just closes
			exchange.close();
			return;
		}
		byte[] json = ("{\"stub\":\"" + this.name + "\",\"path\":\"" + path + "\"}").getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "application/json");
		exchange.sendResponseHeaders(200, json.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(json);
		}
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

	/** A request as the stub received it; header names in lower case. */
	record Received(String method, String path, Map<String, List<String>> headers, long bodySize) {

		String header(String name) {
			List<String> values = this.headers.get(name.toLowerCase(Locale.ROOT));
			return (values == null || values.isEmpty()) ? null : values.get(0);
		}

	}

}
