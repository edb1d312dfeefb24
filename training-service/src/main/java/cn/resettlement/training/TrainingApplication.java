package cn.resettlement.training;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.cloud.openfeign.EnableFeignClients;

/**
 * Migrant training (移民培训): classes, enrolments, funds and vocational-education subsidies.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableFeignClients
public class TrainingApplication {

	public static void main(String[] args) {
		SpringApplication.run(TrainingApplication.class, args);
	}

}
