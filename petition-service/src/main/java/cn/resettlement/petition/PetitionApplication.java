package cn.resettlement.petition;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Petitions (信访): registration, statutory deadlines, overdue detection and the ledger.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class PetitionApplication {

	public static void main(String[] args) {
		SpringApplication.run(PetitionApplication.class, args);
	}

}
