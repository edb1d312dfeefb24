package cn.resettlement.platform.config;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the platform mechanisms, under {@code resettlement.*}.
 *
 * @param unitCode 6-digit administrative division code of the unit this deployment serves
 * @param zone time zone of the unit: business dates ("today") are dates there
 * @param events what this service publishes
 * @param outbox the outbox relay
 * @param api HTTP API settings
 * @param jobs the job runner
 */
@ConfigurationProperties("resettlement")
public record PlatformProperties(@DefaultValue("430582") String unitCode,
		@DefaultValue("Asia/Shanghai") java.time.ZoneId zone, @DefaultValue Events events, @DefaultValue Outbox outbox,
		@DefaultValue Api api, @DefaultValue Jobs jobs) {

	/**
	 * @param context bounded context this service publishes for ({@code population} →
	 * topic {@code resettlement.population.v1}); empty for services that publish nothing
	 * @param partitions partitions of the topics this service creates
	 * @param replicationFactor replication factor of the topics this service creates (1
	 * locally, 3 in production)
	 * @param createTopics whether the service creates its topic and dead-letter topics
	 * (off where an operator provisions topics and ACLs)
	 * @param consumes contexts whose topics this service consumes (their dead-letter
	 * topics are created with them)
	 * @param retention how long a context topic keeps events in milliseconds; {@code -1}
	 * (the default) keeps them for ever, because subscribers and reporting rebuild their
	 * state by replaying from the beginning
	 * @param validate validate every appended event against its JSON Schema (tests)
	 */
	public record Events(String context, @DefaultValue("12") int partitions, @DefaultValue("1") short replicationFactor,
			@DefaultValue("true") boolean createTopics, @DefaultValue List<String> consumes,
			@DefaultValue("-1") long retention, @DefaultValue("false") boolean validate) {

		/** Topic of a context: {@code resettlement.<context>.v1}. */
		public static String topicOf(String context) {
			return "resettlement." + context + ".v1";
		}

		public List<String> consumedTopics() {
			return this.consumes.stream().map(Events::topicOf).toList();
		}

		public String topic() {
			return (this.context == null || this.context.isBlank()) ? null : topicOf(this.context);
		}

	}

	/**
	 * @param enabled whether this instance runs the relay
	 * @param batchSize rows published per round trip
	 * @param pollInterval how often the relay sweeps for unpublished rows when not woken
	 * by a commit
	 * @param maxBackoff longest wait between attempts while Kafka is unavailable
	 * @param retention how long published rows are kept before they are deleted
	 */
	public record Outbox(@DefaultValue("true") boolean enabled, @DefaultValue("2000") int batchSize,
			@DefaultValue("1s") Duration pollInterval, @DefaultValue("30s") Duration maxBackoff,
			@DefaultValue("7d") Duration retention) {
	}

	/**
	 * @param basePath path prefix of this service's API, e.g. {@code /api/v1/population}
	 */
	public record Api(@DefaultValue("/api/v1") String basePath) {
	}

	/**
	 * @param threads jobs run at the same time by this instance
	 * @param staleAfter a running job whose heartbeat is older is reported as failed
	 */
	public record Jobs(@DefaultValue("2") int threads, @DefaultValue("2m") Duration staleAfter) {
	}

}
