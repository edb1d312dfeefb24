package cn.resettlement.testsupport;

import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Infrastructure of {@link OwnBrokerIntegrationTest}: a broker process and a database of
 * its own.
 */
@TestConfiguration(proxyBeanMethods = false)
public class OwnBroker {

	private static KafkaBrokerProcess broker;

	/** The broker of these tests, started on first use and shared by the JVM. */
	public static synchronized KafkaBrokerProcess broker() {
		if (broker == null) {
			broker = KafkaBrokerProcess.start();
		}
		return broker;
	}

	@Bean
	JdbcConnectionDetails ownBrokerDatabase() {
		return TestInfrastructureConfiguration.jdbc(TestInfrastructure.database("ownbroker"));
	}

	@Bean
	KafkaConnectionDetails ownBrokerKafka() {
		return TestInfrastructureConfiguration.kafka(broker().bootstrapServers());
	}

}
