package cn.resettlement.platform.config;

import java.util.HashMap;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Defaults every service shares, at the lowest precedence so a service's
 * {@code application.yml} or the environment can override each of them.
 */
public class PlatformEnvironmentPostProcessor implements EnvironmentPostProcessor {

	static final String NAME = "resettlementPlatformDefaults";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		Map<String, Object> defaults = new HashMap<>();
		// errors and JSON
		// the platform's advice renders every error; Boot's own would answer first
		defaults.put("spring.mvc.problemdetails.enabled", "false");
		defaults.put("server.error.include-stacktrace", "never");
		defaults.put("server.shutdown", "graceful");
		defaults.put("spring.servlet.multipart.max-file-size", "512MB");
		defaults.put("spring.servlet.multipart.max-request-size", "512MB");
		defaults.put("spring.threads.virtual.enabled", "true");
		// database
		defaults.put("spring.datasource.hikari.data-source-properties.reWriteBatchedInserts", "true");
		defaults.put("spring.datasource.hikari.maximum-pool-size", "12");
		// opened as work needs them, not all twelve at start: six services holding 72
		// idle
		// connections left a second platform (a test run beside a developer's) without
		// any
		// on PostgreSQL's default max_connections of 100 (start-up benchmark)
		defaults.put("spring.datasource.hikari.minimum-idle", "2");
		defaults.put("spring.datasource.hikari.connection-timeout", "5000");
		// Kafka: consumers read CloudEvents; a message that is not one is dead-lettered
		defaults.put("spring.kafka.bootstrap-servers", "${KAFKA_BOOTSTRAP_SERVERS:127.0.0.1:9092}");
		defaults.put("spring.kafka.consumer.group-id", "${spring.application.name}");
		defaults.put("spring.kafka.consumer.auto-offset-reset", "earliest");
		defaults.put("spring.kafka.consumer.enable-auto-commit", "false");
		defaults.put("spring.kafka.consumer.key-deserializer",
				"org.apache.kafka.common.serialization.StringDeserializer");
		defaults.put("spring.kafka.consumer.value-deserializer",
				"org.springframework.kafka.support.serializer.ErrorHandlingDeserializer");
		defaults.put("spring.kafka.consumer.properties.spring.deserializer.value.delegate.class",
				"cn.resettlement.platform.events.CloudEventDeserializer");
		defaults.put("spring.kafka.producer.acks", "all");
		defaults.put("spring.kafka.producer.properties.enable.idempotence", "true");
		defaults.put("spring.kafka.admin.fail-fast", "false");
		defaults.put("spring.kafka.admin.auto-create", "false");
		defaults.put("spring.kafka.admin.operation-timeout", "10s");
		defaults.put("spring.kafka.admin.properties.request.timeout.ms", "5000");
		defaults.put("spring.kafka.admin.properties.default.api.timeout.ms", "10000");
		defaults.put("spring.kafka.listener.missing-topics-fatal", "false");
		// observability
		defaults.put("management.endpoints.web.exposure.include", "health,info,prometheus,metrics");
		defaults.put("management.endpoint.health.probes.enabled", "true");
		defaults.put("management.endpoint.health.group.readiness.include", "readinessState,db");
		defaults.put("management.health.kafka.enabled", "false");
		defaults.put("management.tracing.sampling.probability", "1.0");
		defaults.put("management.metrics.tags.application", "${spring.application.name}");
		defaults.put("management.metrics.distribution.percentiles-histogram.http.server.requests", "true");
		// Spring Security observes every filter of the chain, the authentication and the
		// authorization of each request: a fifth of a simple GET's CPU in
		// population-service
		// (JFR, gateway benchmark) for spans nobody exports and meters nobody reads;
		// http.server.requests and the platform's problems already show 401/403
		defaults.put("management.observations.enable.spring.security", "false");
		// Tomcat closes a keep-alive connection after 100 requests by default: behind the
		// gateway's pool that is a new TCP connection every 100 requests (hundreds of
		// sockets
		// in TIME-WAIT after a benchmark round); the gateway evicts idle connections
		// itself
		defaults.put("server.tomcat.max-keep-alive-requests", "10000");
		defaults.put("logging.structured.format.console", "${LOG_FORMAT:}");
		// while the broker is unreachable, Kafka 4's admin clients log every rebootstrap
		// at INFO: hundreds of
		// lines a second (measured) that say nothing the relay's own warning does not
		defaults.put("logging.level.org.apache.kafka.clients.admin.internals.AdminMetadataManager", "WARN");
		// API documents
		defaults.put("springdoc.api-docs.path", "/v3/api-docs");
		defaults.put("springdoc.swagger-ui.path", "/swagger-ui.html");
		environment.getPropertySources().addLast(new MapPropertySource(NAME, defaults));
	}

}
