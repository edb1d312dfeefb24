package cn.resettlement.training.support;

import java.util.List;
import java.util.Map;

import org.springframework.test.web.servlet.client.RestTestClient;

import cn.resettlement.testsupport.ServiceProcess;
import cn.resettlement.testsupport.TestHttp;
import cn.resettlement.testsupport.TestIdNumbers;
import cn.resettlement.testsupport.TestTokens;

/**
 * The real population-service for this test JVM: its executable jar run as its own
 * process (fresh database, the JVM's Kafka broker), started once and shared by every
 * integration test class, like the Spring context.
 */
public final class PopulationService {

	private static ServiceProcess process;

	private PopulationService() {
	}

	/** The running process, started on first use. */
	public static synchronized ServiceProcess process() {
		if (process == null) {
			process = ServiceProcess.start("population-service", Map.of());
			// one lookup warms its cold path, so the first test's lookup is not the
			// slowest call
			// the machine ever sees
			http(TestTokens.staff("warm-up")).post("/api/v1/population/migrants/lookup",
					Map.of("idNumbers", List.of(TestIdNumbers.unique())));
		}
		return process;
	}

	/** HTTP straight to population-service with this bearer token. */
	public static TestHttp http(String token) {
		return new TestHttp(RestTestClient.bindToServer().baseUrl(process().baseUrl()).build()).as(token);
	}

}
