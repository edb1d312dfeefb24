package cn.resettlement.reporting.ingest;

import java.util.Comparator;

/** A partition of a topic, ordered by topic and number. */
record TopicPartitionKey(String topic, int partition) implements Comparable<TopicPartitionKey> {

	private static final Comparator<TopicPartitionKey> ORDER = Comparator.comparing(TopicPartitionKey::topic)
		.thenComparingInt(TopicPartitionKey::partition);

	@Override
	public int compareTo(TopicPartitionKey other) {
		return ORDER.compare(this, other);
	}

}
