package cn.resettlement.population;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The migrant population register (移民人口库). */
@SpringBootApplication
@ConfigurationPropertiesScan
public class PopulationApplication {

	public static void main(String[] args) {
		SpringApplication.run(PopulationApplication.class, args);
	}

}
