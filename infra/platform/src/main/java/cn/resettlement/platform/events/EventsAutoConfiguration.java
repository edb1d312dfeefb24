package cn.resettlement.platform.events;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;
import org.springframework.transaction.support.TransactionTemplate;

import cn.resettlement.platform.config.PlatformAutoConfiguration;
import cn.resettlement.platform.config.PlatformAutoConfiguration.PlatformSchema;
import cn.resettlement.platform.config.PlatformProperties;

/**
 * Events in and out: the transactional outbox and its relay for a service that publishes
 * ({@code resettlement.events.context}), and for consumers the inbox and an error handler
 * that retries a failing event a few times and then dead-letters it to
 * {@code <topic>.dlt}, so one bad event never blocks a partition.
 */
@AutoConfiguration(after = { PlatformAutoConfiguration.class, KafkaAutoConfiguration.class })
@ConditionalOnBean({ PlatformSchema.class, KafkaAdmin.class })
public class EventsAutoConfiguration {

	@Bean
	TopicProvisioner topicProvisioner(KafkaAdmin admin, PlatformProperties properties) {
		return new TopicProvisioner(admin, properties, properties.events().consumedTopics());
	}

	@Bean
	@ConditionalOnExpression("'${resettlement.events.context:}' != ''")
	@ConditionalOnProperty(name = "resettlement.outbox.enabled", matchIfMissing = true)
	OutboxRelay outboxRelay(JdbcClient jdbc, TransactionTemplate transactions, ProducerFactory<?, ?> producers,
			TopicProvisioner topics, PlatformProperties properties, Clock clock, MeterRegistry meters) {
		// Boot's factory carries the connection details (bootstrap servers, TLS); the
		// relay
		// overrides what its guarantees depend on
		Map<String, Object> config = new HashMap<>();
		config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
		config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
		config.put(ProducerConfig.ACKS_CONFIG, "all");
		config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
		config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
		config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
		config.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
		config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
		// fail a round quickly while the broker is down; the relay backs off and retries
		config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
		config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
		config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
		config.put(ProducerConfig.CLIENT_ID_CONFIG, "outbox-relay");
		@SuppressWarnings("unchecked")
		ProducerFactory<String, String> factory = (ProducerFactory<String, String>) producers
			.copyWithConfigurationOverride(config);
		KafkaTemplate<String, String> template = new KafkaTemplate<>(factory);
		return new OutboxRelay(jdbc, transactions, template, topics, properties.outbox(), clock, meters);
	}

	@Bean
	@ConditionalOnExpression("'${resettlement.events.context:}' != ''")
	Outbox outbox(JdbcTemplate jdbc, JsonMapper json, Clock clock, PlatformProperties properties,
			@Value("${spring.application.name}") String serviceName,
			org.springframework.beans.factory.ObjectProvider<OutboxRelay> relay) {
		return new Outbox(jdbc, json, clock, properties, serviceName, () -> relay.ifAvailable(OutboxRelay::wake));
	}

	@Bean
	Inbox inbox(JdbcClient jdbc, TransactionTemplate transactions, KafkaProperties kafka,
			@Value("${spring.application.name}") String serviceName, MeterRegistry meters) {
		String group = kafka.getConsumer().getGroupId();
		return new Inbox(jdbc, transactions, (group != null) ? group : serviceName, meters);
	}

	@Bean
	@ConditionalOnMissingBean(CommonErrorHandler.class)
	DefaultErrorHandler deadLetteringErrorHandler(ProducerFactory<?, ?> producers, TopicProvisioner topics) {
		Map<String, Object> config = new HashMap<>();
		config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
		config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, DeadLetterSerializer.class);
		config.put(ProducerConfig.CLIENT_ID_CONFIG, "dead-letters");
		@SuppressWarnings("unchecked")
		ProducerFactory<Object, Object> factory = (ProducerFactory<Object, Object>) producers
			.copyWithConfigurationOverride(config);
		KafkaTemplate<Object, Object> template = new KafkaTemplate<>(factory);
		DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(template, (record, ex) -> {
			topics.ensure();
			return new TopicPartition(record.topic() + ".dlt", -1);
		});
		ExponentialBackOffWithMaxRetries backOff = new ExponentialBackOffWithMaxRetries(3);
		backOff.setInitialInterval(200);
		backOff.setMultiplier(2);
		DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, backOff);
		handler.addNotRetryableExceptions(MalformedEventException.class);
		return handler;
	}

}
