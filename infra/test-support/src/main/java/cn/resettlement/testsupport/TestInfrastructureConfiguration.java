package cn.resettlement.testsupport;

import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * PostgreSQL and Kafka for a test context, chosen by {@link TestInfrastructure#mode()}.
 * Connection-details beans override {@code spring.datasource.*} and
 * {@code spring.kafka.*}, and Flyway migrates through them; test classes stay the same in
 * every mode.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestInfrastructureConfiguration {

	static final String POSTGRES_IMAGE = "postgres:16-alpine";

	static final String KAFKA_IMAGE = "apache/kafka:4.1.1";

	@Configuration(proxyBeanMethods = false)
	@Conditional(WithContainers.class)
	static class Containers {

		// shared by every context of the JVM: not stopped when one context closes
		@Bean(destroyMethod = "")
		@ServiceConnection
		PostgreSQLContainer postgres() {
			return TestInfrastructure.postgresContainer();
		}

		@Bean(destroyMethod = "")
		@ServiceConnection
		KafkaContainer kafka() {
			return TestInfrastructure.kafkaContainer();
		}

	}

	@Configuration(proxyBeanMethods = false)
	@Conditional(WithoutContainers.class)
	static class Shared {

		@Bean
		JdbcConnectionDetails testDatabase() {
			return jdbc(TestInfrastructure.database("main"));
		}

		@Bean
		KafkaConnectionDetails testKafka() {
			return kafka(TestInfrastructure.kafkaBootstrapServers());
		}

	}

	static JdbcConnectionDetails jdbc(TestInfrastructure.Database database) {
		return new JdbcConnectionDetails() {
			@Override
			public String getUsername() {
				return database.username();
			}

			@Override
			public String getPassword() {
				return database.password();
			}

			@Override
			public String getJdbcUrl() {
				return database.url();
			}
		};
	}

	static KafkaConnectionDetails kafka(String bootstrapServers) {
		return () -> java.util.List.of(bootstrapServers.split(","));
	}

	static class WithContainers implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return TestInfrastructure.mode() == TestInfrastructure.Mode.CONTAINERS;
		}

	}

	static class WithoutContainers implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return TestInfrastructure.mode() != TestInfrastructure.Mode.CONTAINERS;
		}

	}

}
