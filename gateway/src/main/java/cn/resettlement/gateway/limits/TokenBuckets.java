package cn.resettlement.gateway.limits;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * One token bucket per user, in this instance's memory: {@code burst} requests at once,
 * refilled at {@code perSecond}. When more than {@code maxUsers} buckets exist, full
 * (idle) buckets are dropped; they would be recreated full anyway.
 */
final class TokenBuckets {

	private static final long NANOS_PER_SECOND = 1_000_000_000L;

	private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

	private final double burst;

	private final double tokensPerNano;

	private final int maxUsers;

	private final LongSupplier nanoClock;

	TokenBuckets(int burst, int perSecond, int maxUsers, LongSupplier nanoClock) {
		if (burst < 1 || perSecond < 1) {
			throw new IllegalArgumentException("burst and perSecond must be at least 1");
		}
		this.burst = burst;
		this.tokensPerNano = (double) perSecond / NANOS_PER_SECOND;
		this.maxUsers = maxUsers;
		this.nanoClock = nanoClock;
	}

	/**
	 * Takes a token for the user.
	 * @return 0 if the request may go ahead, else the seconds (at least 1) until a token
	 * is available again
	 */
	long tryAcquire(String user) {
		long now = this.nanoClock.getAsLong();
		Bucket bucket = this.buckets.get(user);
		if (bucket == null) {
			if (this.buckets.size() >= this.maxUsers) {
				evictIdle(now);
			}
			bucket = this.buckets.computeIfAbsent(user, (u) -> new Bucket(this.burst, now));
		}
		long waitNanos = bucket.tryAcquire(now, this.burst, this.tokensPerNano);
		return (waitNanos == 0) ? 0 : Math.max(1, (waitNanos + NANOS_PER_SECOND - 1) / NANOS_PER_SECOND);
	}

	int size() {
		return this.buckets.size();
	}

	private void evictIdle(long now) {
		this.buckets.values().removeIf((bucket) -> bucket.isFull(now, this.burst, this.tokensPerNano));
		if (this.buckets.size() >= this.maxUsers) {
			// all tracked users are active: forgetting them errs towards letting
			// requests through, never towards blocking a user who did nothing
			this.buckets.clear();
		}
	}

	private static final class Bucket {

		private double tokens;

		private long updated;

		Bucket(double tokens, long now) {
			this.tokens = tokens;
			this.updated = now;
		}

		synchronized long tryAcquire(long now, double burst, double tokensPerNano) {
			refill(now, burst, tokensPerNano);
			if (this.tokens >= 1) {
				this.tokens -= 1;
				return 0;
			}
			return (long) Math.ceil((1 - this.tokens) / tokensPerNano);
		}

		synchronized boolean isFull(long now, double burst, double tokensPerNano) {
			refill(now, burst, tokensPerNano);
			return this.tokens >= burst;
		}

		private void refill(long now, double burst, double tokensPerNano) {
			if (now > this.updated) {
				this.tokens = Math.min(burst, this.tokens + (now - this.updated) * tokensPerNano);
				this.updated = now;
			}
		}

	}

}
