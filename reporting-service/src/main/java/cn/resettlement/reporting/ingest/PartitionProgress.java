package cn.resettlement.reporting.ingest;

import java.time.Instant;

/** How far a batch got in one partition: the newest event time and the events seen. */
record PartitionProgress(Instant lastEventTime, long events) {

	PartitionProgress plus(PartitionProgress other) {
		return new PartitionProgress(
				this.lastEventTime.isAfter(other.lastEventTime) ? this.lastEventTime : other.lastEventTime,
				this.events + other.events);
	}

}
