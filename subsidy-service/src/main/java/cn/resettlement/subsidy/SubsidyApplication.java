package cn.resettlement.subsidy;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.cloud.openfeign.EnableFeignClients;

/**
 * subsidy-service: the direct subsidy (直补资金, 600元到人) from the eligible roster to the
 * bank, with reconciliation (比对) and overpayment recovery (追缴).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableFeignClients
public class SubsidyApplication {

	public static void main(String[] args) {
		SpringApplication.run(SubsidyApplication.class, args);
	}

}
