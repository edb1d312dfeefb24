package cn.resettlement.reporting.ingest;

import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;
import org.springframework.util.backoff.ExponentialBackOff;

import cn.resettlement.platform.events.CloudEvent;
import cn.resettlement.platform.events.DeadLetterSerializer;
import cn.resettlement.platform.events.MalformedEventException;
import cn.resettlement.platform.events.TopicProvisioner;
import cn.resettlement.reporting.config.ReportingProperties;

/**
 * The batch listener container for the five topics. Its error handler differs from the
 * platform's record-listener one in one way: a batch that fails as a whole (the database
 * is unavailable) is retried with backoff until it succeeds instead of being
 * dead-lettered, because dead-lettering a whole batch would silently drop good events
 * from the report. A single event named by a {@code BatchListenerFailedException} is
 * retried a few times (not at all when malformed) and then dead-lettered to
 * {@code <topic>.dlt}, so one bad event never blocks a partition.
 */
@Configuration(proxyBeanMethods = false)
class ListenerConfiguration {

	static final String FACTORY = "reportingListenerFactory";

	private static final Logger log = LoggerFactory.getLogger(ListenerConfiguration.class);

	@Bean(FACTORY)
	@SuppressWarnings("unchecked")
	ConcurrentKafkaListenerContainerFactory<String, CloudEvent> reportingListenerFactory(
			ConsumerFactory<?, ?> consumers, ProducerFactory<?, ?> producers, TopicProvisioner topics,
			ReportingProperties properties) {
		ConcurrentKafkaListenerContainerFactory<String, CloudEvent> factory = new ConcurrentKafkaListenerContainerFactory<>();
		factory.setConsumerFactory((ConsumerFactory<String, CloudEvent>) consumers);
		factory.setBatchListener(true);
		factory.setConcurrency(properties.listener().concurrency());
		factory.getContainerProperties().setAckMode(ContainerProperties.AckMode.BATCH);
		factory.setCommonErrorHandler(errorHandler(producers, topics));
		return factory;
	}

	/** Creates the topics and dead-letter topics before the listener subscribes. */
	@Bean
	SmartInitializingSingleton reportingTopicsAtStartup(TopicProvisioner topics) {
		return () -> {
			try {
				topics.ensure();
			}
			catch (RuntimeException ex) {
				log.warn("Kafka topics could not be checked at start-up ({}); the listener subscribes anyway",
						ex.getMessage());
			}
		};
	}

	private static DefaultErrorHandler errorHandler(ProducerFactory<?, ?> producers, TopicProvisioner topics) {
		Map<String, Object> config = new HashMap<>();
		config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
		config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, DeadLetterSerializer.class);
		config.put(ProducerConfig.CLIENT_ID_CONFIG, "reporting-dead-letters");
		@SuppressWarnings("unchecked")
		ProducerFactory<Object, Object> factory = (ProducerFactory<Object, Object>) producers
			.copyWithConfigurationOverride(config);
		DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(new KafkaTemplate<>(factory),
				(record, ex) -> {
					topics.ensure();
					return new TopicPartition(record.topic() + ".dlt", -1);
				});
		// a whole batch failing means the database is unavailable: keep retrying
		ExponentialBackOff untilItWorks = new ExponentialBackOff(500, 2);
		untilItWorks.setMaxInterval(30_000);
		DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, untilItWorks);
		// one event that cannot be applied: a few retries, then the dead-letter topic
		handler.setBackOffFunction((record, ex) -> {
			ExponentialBackOffWithMaxRetries bounded = new ExponentialBackOffWithMaxRetries(3);
			bounded.setInitialInterval(200);
			bounded.setMultiplier(2);
			return bounded;
		});
		handler.addNotRetryableExceptions(MalformedEventException.class);
		return handler;
	}

}
