package cn.resettlement.gateway;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the gateway, under {@code resettlement.gateway.*}.
 *
 * @param services the services behind the gateway, by route id
 * @param circuitBreaker circuit breakers (one per route)
 * @param retry retries of idempotent reads
 * @param rateLimit per-user rate limit
 * @param bodyLimit request body size limits
 * @param cors origins of the internal web clients
 * @param tokenCache validated tokens the gateway remembers
 * @param identityHeaderPrefixes request headers a client could use to pretend to be
 * someone (matched case-insensitively by prefix); removed before a request is forwarded,
 * identity travels only in the bearer token (default
 * {@link #DEFAULT_IDENTITY_HEADER_PREFIXES})
 */
@ConfigurationProperties("resettlement.gateway")
public record GatewayProperties(@DefaultValue Map<String, Service> services,
		@DefaultValue CircuitBreaker circuitBreaker, @DefaultValue Retry retry, @DefaultValue RateLimit rateLimit,
		@DefaultValue BodyLimit bodyLimit, @DefaultValue Cors cors, @DefaultValue TokenCache tokenCache,
		List<String> identityHeaderPrefixes) {

	/** Identity headers of common proxies and identity-aware load balancers. */
	public static final List<String> DEFAULT_IDENTITY_HEADER_PREFIXES = List.of("x-user", "x-role", "x-township",
			"x-auth", "x-remote-user", "remote-user", "x-forwarded-user", "x-forwarded-email",
			"x-forwarded-preferred-username", "x-forwarded-groups", "x-forwarded-access-token", "x-principal",
			"x-caller", "x-jwt", "x-consumer", "x-userinfo", "x-amzn-oidc", "x-ms-client-principal",
			"x-goog-authenticated-user");

	public GatewayProperties {
		if (identityHeaderPrefixes == null || identityHeaderPrefixes.isEmpty()) {
			identityHeaderPrefixes = DEFAULT_IDENTITY_HEADER_PREFIXES;
		}
	}

	/**
	 * A service behind the gateway.
	 *
	 * @param path the context in {@code /api/v1/{path}/**}
	 * @param urls base URLs of its instances (more than one: round robin)
	 * @param timeout how long the gateway waits for the response headers before it
	 * answers 504
	 */
	public record Service(String path, List<URI> urls, @DefaultValue("10s") Duration timeout) {
	}

	/**
	 * @param failureRateThreshold percentage of failed calls (connection refused or
	 * reset, timeouts) that opens the circuit
	 * @param slidingWindow calls the failure rate is computed over
	 * @param minimumCalls calls needed before the failure rate counts
	 * @param openWait how long an open circuit answers 503 at once before it lets trial
	 * calls through
	 * @param halfOpenCalls trial calls in the half-open state
	 */
	public record CircuitBreaker(@DefaultValue("50") float failureRateThreshold, @DefaultValue("20") int slidingWindow,
			@DefaultValue("5") int minimumCalls, @DefaultValue("10s") Duration openWait,
			@DefaultValue("3") int halfOpenCalls) {
	}

	/**
	 * @param attempts extra attempts of a GET or HEAD whose connection failed (refused or
	 * reset before a response); other methods are never retried by the gateway
	 * @param backoff wait before the first retry (doubling)
	 */
	public record Retry(@DefaultValue("1") int attempts, @DefaultValue("50ms") Duration backoff) {
	}

	/**
	 * Token bucket per user, in memory: each gateway instance counts separately, so with
	 * N instances a user may make up to N times this.
	 *
	 * @param burst requests a user may make at once
	 * @param perSecond requests per second a user may sustain
	 * @param maxUsers users tracked at once (idle full buckets are dropped first)
	 */
	public record RateLimit(@DefaultValue("100") int burst, @DefaultValue("20") int perSecond,
			@DefaultValue("100000") int maxUsers) {
	}

	/**
	 * @param max largest request body
	 * @param uploadMax largest request body on an upload path
	 * @param uploadPaths path patterns of file uploads (imports, bank files)
	 */
	public record BodyLimit(@DefaultValue("1MB") DataSize max, @DefaultValue("64MB") DataSize uploadMax,
			@DefaultValue List<String> uploadPaths) {
	}

	/**
	 * @param maxTokens tokens remembered at once
	 * @param maxAge longest a validated token is remembered (never past its expiry)
	 */
	public record TokenCache(@DefaultValue("10000") int maxTokens, @DefaultValue("5m") Duration maxAge) {
	}

	/**
	 * @param allowedOrigins origins of the internal web clients, e.g.
	 * {@code https://resettlement.example.gov.cn}
	 * @param maxAge how long browsers may cache a preflight answer
	 */
	public record Cors(@DefaultValue List<String> allowedOrigins, @DefaultValue("1h") Duration maxAge) {
	}

}
