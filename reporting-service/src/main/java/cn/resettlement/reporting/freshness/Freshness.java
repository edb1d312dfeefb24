package cn.resettlement.reporting.freshness;

import java.time.Instant;
import java.util.Map;

/**
 * How current the read models are.
 *
 * @param lastEventAt commit time of the newest event applied
 * @param lastAppliedAt when the read models last applied a batch
 * @param consumerLag events on the topics not yet applied by the consumer group
 * ({@code null} when Kafka could not be asked)
 * @param lagByTopic the same per topic
 * @param consumerLagAt when the lag was measured (a report waits at most a second for a
 * new measurement)
 * @param rebuilding whether a rebuild is replaying the topics (the figures are incomplete
 * until it ends)
 * @param rebuildProcessed events replayed so far by a running rebuild
 * @param rebuildTotal events the running rebuild replays
 */
public record Freshness(Instant lastEventAt, Instant lastAppliedAt, Long consumerLag, Map<String, Long> lagByTopic,
		Instant consumerLagAt, boolean rebuilding, Long rebuildProcessed, Long rebuildTotal) {

}
