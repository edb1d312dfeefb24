package cn.resettlement.gateway.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ValidatedTokenCacheTests {

	private final MutableClock clock = new MutableClock(Instant.parse("2026-11-28T08:00:00Z"));

	private final AtomicInteger validations = new AtomicInteger();

	@Test
	void validatesAGoodTokenOnceWhileItIsValid() {
		ReactiveJwtDecoder decoder = cache(validUntil(this.clock.instant().plus(Duration.ofMinutes(2))));

		Jwt first = decoder.decode("token-a").block();
		this.clock.advance(Duration.ofSeconds(90));
		Jwt again = decoder.decode("token-a").block();

		assertThat(again).isSameAs(first);
		assertThat(this.validations).hasValue(1);
	}

	@Test
	void validatesAgainOnceTheTokenExpired() {
		Instant expiry = this.clock.instant().plus(Duration.ofMinutes(2));
		ReactiveJwtDecoder decoder = cache((token) -> {
			this.validations.incrementAndGet();
			return this.clock.instant().isBefore(expiry) ? Mono.just(jwt(expiry))
					: Mono.error(new BadJwtException("expired"));
		});
		decoder.decode("token-a").block();

		this.clock.advance(Duration.ofMinutes(2));

		assertThatThrownBy(() -> decoder.decode("token-a").block()).isInstanceOf(BadJwtException.class);
		assertThat(this.validations).hasValue(2);
	}

	@Test
	void remembersATokenNoLongerThanTheMaximumAge() {
		ReactiveJwtDecoder decoder = cache(validUntil(this.clock.instant().plus(Duration.ofHours(8))));
		decoder.decode("token-a").block();

		this.clock.advance(Duration.ofMinutes(5).plusSeconds(1));
		decoder.decode("token-a").block();

		assertThat(this.validations).hasValue(2);
	}

	@Test
	void neverRemembersARejectedToken() {
		ReactiveJwtDecoder decoder = cache((token) -> {
			this.validations.incrementAndGet();
			return Mono.error(new BadJwtException("bad signature"));
		});

		assertThatThrownBy(() -> decoder.decode("forged").block()).isInstanceOf(BadJwtException.class);
		assertThatThrownBy(() -> decoder.decode("forged").block()).isInstanceOf(BadJwtException.class);
		assertThat(this.validations).hasValue(2);
	}

	@Test
	void remembersEachTokenSeparately() {
		ReactiveJwtDecoder decoder = cache(validUntil(this.clock.instant().plus(Duration.ofMinutes(10))));

		decoder.decode("token-a").block();
		decoder.decode("token-b").block();
		decoder.decode("token-a").block();

		assertThat(this.validations).hasValue(2);
	}

	private ReactiveJwtDecoder cache(ReactiveJwtDecoder delegate) {
		return new ValidatedTokenCache(delegate, 100, Duration.ofMinutes(5), this.clock);
	}

	private ReactiveJwtDecoder validUntil(Instant expiry) {
		return (token) -> {
			this.validations.incrementAndGet();
			return Mono.just(jwt(expiry));
		};
	}

	private static Jwt jwt(Instant expiry) {
		return Jwt.withTokenValue("t")
			.header("alg", "RS256")
			.subject("alice")
			.issuedAt(expiry.minus(Duration.ofHours(1)))
			.expiresAt(expiry)
			.build();
	}

	private static final class MutableClock extends Clock {

		private Instant now;

		MutableClock(Instant now) {
			this.now = now;
		}

		void advance(Duration duration) {
			this.now = this.now.plus(duration);
		}

		@Override
		public Instant instant() {
			return this.now;
		}

		@Override
		public ZoneOffset getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}

	}

}
