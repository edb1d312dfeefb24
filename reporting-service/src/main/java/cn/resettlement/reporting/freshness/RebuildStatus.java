package cn.resettlement.reporting.freshness;

import java.util.concurrent.atomic.AtomicLong;

import org.springframework.stereotype.Component;

/** Whether this instance is rebuilding the read models, and how far it got. */
@Component
public class RebuildStatus {

	private volatile boolean running;

	private final AtomicLong processed = new AtomicLong();

	private volatile long total;

	/**
	 * @return false when a rebuild is already running
	 */
	public synchronized boolean start() {
		if (this.running) {
			return false;
		}
		this.running = true;
		this.processed.set(0);
		this.total = 0;
		return true;
	}

	public void total(long total) {
		this.total = total;
	}

	public void advance(long events) {
		this.processed.addAndGet(events);
	}

	public synchronized void finish() {
		this.running = false;
	}

	public boolean running() {
		return this.running;
	}

	public long processed() {
		return this.processed.get();
	}

	public long total() {
		return this.total;
	}

}
