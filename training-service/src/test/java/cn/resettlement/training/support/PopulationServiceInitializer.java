package cn.resettlement.training.support;

import java.util.Map;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points the application's population client at the real population-service before the
 * context refreshes. An initializer (not {@code @DynamicPropertySource}) keeps the
 * context key identical for every test class, so they all share one context and one
 * population-service process.
 */
public class PopulationServiceInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		context.getEnvironment()
			.getPropertySources()
			.addFirst(new MapPropertySource("populationServiceUnderTest",
					Map.of("training.population.url", PopulationService.process().baseUrl())));
	}

}
