package cn.resettlement.gateway.limits;

import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class TokenBucketsTests {

	private static final long SECOND = 1_000_000_000L;

	private final AtomicLong clock = new AtomicLong(42 * SECOND);

	@Test
	void letsABurstThroughThenAsksToWaitUntilATokenIsBack() {
		TokenBuckets buckets = new TokenBuckets(3, 2, 100, this.clock::get);

		assertThat(buckets.tryAcquire("alice")).isZero();
		assertThat(buckets.tryAcquire("alice")).isZero();
		assertThat(buckets.tryAcquire("alice")).isZero();
		assertThat(buckets.tryAcquire("alice")).as("retry after, in whole seconds").isEqualTo(1);

		this.clock.addAndGet(SECOND / 2);
		assertThat(buckets.tryAcquire("alice")).isZero();
		assertThat(buckets.tryAcquire("alice")).isEqualTo(1);
	}

	@Test
	void roundsTheWaitUp() {
		TokenBuckets buckets = new TokenBuckets(1, 1, 100, this.clock::get);
		buckets.tryAcquire("alice");

		this.clock.addAndGet(SECOND / 10);

		assertThat(buckets.tryAcquire("alice")).isEqualTo(1);
		TokenBuckets slow = new TokenBuckets(1, 1, 100, this.clock::get);
		slow.tryAcquire("bob");
		assertThat(slow.tryAcquire("bob")).isEqualTo(1);
	}

	@Test
	void countsEachUserSeparately() {
		TokenBuckets buckets = new TokenBuckets(1, 1, 100, this.clock::get);

		assertThat(buckets.tryAcquire("alice")).isZero();
		assertThat(buckets.tryAcquire("alice")).isPositive();
		assertThat(buckets.tryAcquire("bob")).isZero();
	}

	@Test
	void neverHoldsMoreThanTheBurst() {
		TokenBuckets buckets = new TokenBuckets(2, 10, 100, this.clock::get);
		buckets.tryAcquire("alice");

		this.clock.addAndGet(3600 * SECOND);

		assertThat(buckets.tryAcquire("alice")).isZero();
		assertThat(buckets.tryAcquire("alice")).isZero();
		assertThat(buckets.tryAcquire("alice")).isPositive();
	}

	@Test
	void forgetsIdleUsersFirstWhenTrackingTooMany() {
		TokenBuckets buckets = new TokenBuckets(5, 1, 3, this.clock::get);
		buckets.tryAcquire("idle-1");
		buckets.tryAcquire("idle-2");
		for (int i = 0; i < 5; i++) {
			buckets.tryAcquire("busy");
		}
		this.clock.addAndGet(2 * SECOND);

		buckets.tryAcquire("newcomer");

		assertThat(buckets.size()).isEqualTo(2);
		assertThat(buckets.tryAcquire("busy")).as("the busy user's bucket was kept, not refilled").isZero();
		assertThat(buckets.tryAcquire("busy")).isZero();
		assertThat(buckets.tryAcquire("busy")).isPositive();
	}

	@Test
	void refusesNonsensicalLimits() {
		assertThatIllegalArgumentException().isThrownBy(() -> new TokenBuckets(0, 1, 10, this.clock::get));
		assertThatIllegalArgumentException().isThrownBy(() -> new TokenBuckets(1, 0, 10, this.clock::get));
	}

}
