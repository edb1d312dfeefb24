package cn.resettlement.gateway.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import reactor.core.publisher.Mono;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

/**
 * Remembers tokens that passed validation, so a client's every request does not pay for
 * an RSA signature check and claim parsing again (most of the gateway's own CPU per
 * request). A token is remembered at most until it expires and never longer than
 * {@code maxAge} (which bounds how long a token signed with a key the issuer has since
 * withdrawn is still accepted here; the services validate every token again anyway). A
 * token that failed is never remembered.
 */
final class ValidatedTokenCache implements ReactiveJwtDecoder {

	private final ReactiveJwtDecoder delegate;

	private final Clock clock;

	private final Cache<String, Jwt> validated;

	ValidatedTokenCache(ReactiveJwtDecoder delegate, int maxTokens, Duration maxAge, Clock clock) {
		this.delegate = delegate;
		this.clock = clock;
		this.validated = Caffeine.newBuilder()
			.maximumSize(maxTokens)
			.ticker(() -> clock.millis() * 1_000_000L)
			.expireAfter(new UntilExpiry(maxAge, clock))
			.build();
	}

	@Override
	public Mono<Jwt> decode(String token) {
		Jwt known = this.validated.getIfPresent(token);
		if (known != null && this.clock.instant().isBefore(known.getExpiresAt())) {
			return Mono.just(known);
		}
		return this.delegate.decode(token).doOnNext((jwt) -> {
			if (jwt.getExpiresAt() != null) {
				this.validated.put(token, jwt);
			}
		});
	}

	long size() {
		this.validated.cleanUp();
		return this.validated.estimatedSize();
	}

	private record UntilExpiry(Duration maxAge, Clock clock) implements Expiry<String, Jwt> {

		@Override
		public long expireAfterCreate(String token, Jwt jwt, long currentTime) {
			Duration untilExpiry = Duration.between(Instant.ofEpochMilli(this.clock.millis()), jwt.getExpiresAt());
			Duration age = untilExpiry.compareTo(this.maxAge) < 0 ? untilExpiry : this.maxAge;
			return Math.max(0, age.toNanos());
		}

		@Override
		public long expireAfterUpdate(String token, Jwt jwt, long currentTime, long currentDuration) {
			return expireAfterCreate(token, jwt, currentTime);
		}

		@Override
		public long expireAfterRead(String token, Jwt jwt, long currentTime, long currentDuration) {
			return currentDuration;
		}

	}

}
