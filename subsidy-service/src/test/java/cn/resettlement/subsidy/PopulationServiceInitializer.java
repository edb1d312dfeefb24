package cn.resettlement.subsidy;

import java.util.Map;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

import cn.resettlement.testsupport.ServiceProcess;

/**
 * Points the Feign client of every test context at the real population-service: one
 * process per test JVM (its exec jar, a fresh database, the test JVM's Kafka), started
 * before the first context and shared by all of them, like the database and the broker.
 * Registered in {@code META-INF/spring.factories} because every {@code @IntegrationTest}
 * class shares one context and must not carry its own properties. Also shortens the
 * circuit breaker's open state so the outage test sees it recover quickly.
 */
public class PopulationServiceInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	private static ServiceProcess population;

	/** The population-service process, started on first use. */
	public static synchronized ServiceProcess population() {
		if (population == null) {
			population = ServiceProcess.start("population-service", Map.of());
		}
		return population;
	}

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		context.getEnvironment()
			.getPropertySources()
			.addFirst(new MapPropertySource("population-service-process",
					Map.of("subsidy.population.url", population().baseUrl(),
							// small pages, so that every test reads the roster page by
							// page
							"subsidy.population.page-size", System.getProperty("subsidy.test.page-size", "7"),
							"resilience4j.circuitbreaker.configs.default.wait-duration-in-open-state", "2s")));
	}

}
