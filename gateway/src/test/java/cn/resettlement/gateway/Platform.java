package cn.resettlement.gateway;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import cn.resettlement.testsupport.ServiceProcess;

/**
 * What the integration tests run against, started once per test JVM: the real gateway
 * (its executable jar, in its own process) in front of the real population-service (its
 * executable jar, own database, the test JVM's Kafka) and stand-ins for the services that
 * do not exist yet:
 * <ul>
 * <li>subsidies and petitions → a recording stub;</li>
 * <li>training → two recording stubs (a host list, load-balanced);</li>
 * <li>projects → a black hole that never answers (route timeout 1.5 s);</li>
 * <li>reports → a port nobody listens on.</li>
 * </ul>
 * Limits are small so tests reach them quickly: bodies 64 KB (uploads 256 KB), 20
 * requests at once and 10/s per user, circuits open for 2 s.
 */
final class Platform {

	static final String OWN_TOWNSHIP = "430582101";

	static final String OTHER_TOWNSHIP = "430582102";

	static final Duration SLOW_ROUTE_TIMEOUT = Duration.ofMillis(1500);

	static final int BODY_LIMIT = 64 * 1024;

	static final int UPLOAD_LIMIT = 256 * 1024;

	static final int RATE_LIMIT_BURST = 20;

	static final String WEB_ORIGIN = "https://web.resettlement.test";

	private static final AtomicInteger USERS = new AtomicInteger();

	private static Platform instance;

	final ServiceProcess population;

	final StubService subsidies;

	final StubService trainingA;

	final StubService trainingB;

	final BlackHole projects;

	final GatewayProcess gateway;

	private Platform(ServiceProcess population, StubService subsidies, StubService trainingA, StubService trainingB,
			BlackHole projects, GatewayProcess gateway) {
		this.population = population;
		this.subsidies = subsidies;
		this.trainingA = trainingA;
		this.trainingB = trainingB;
		this.projects = projects;
		this.gateway = gateway;
	}

	static synchronized Platform get() {
		if (instance == null) {
			instance = start();
		}
		return instance;
	}

	private static Platform start() {
		// first: the gateway is configured with its address
		ServiceProcess population = ServiceProcess.start("population-service", Map.of());
		StubService subsidies = StubService.start("subsidies");
		StubService trainingA = StubService.start("training-a");
		StubService trainingB = StubService.start("training-b");
		BlackHole projects = BlackHole.start();
		Map<String, String> environment = new HashMap<>();
		environment.put("JWT_DEV_KEY", "true");
		environment.put("SUBSIDY_URL", subsidies.baseUrl());
		environment.put("PETITION_URL", subsidies.baseUrl());
		environment.put("TRAINING_URL", trainingA.baseUrl() + "," + trainingB.baseUrl());
		environment.put("PROJECT_URL", projects.baseUrl());
		environment.put("PROJECT_TIMEOUT", SLOW_ROUTE_TIMEOUT.toMillis() + "ms");
		environment.put("REPORTING_URL", "http://127.0.0.1:" + GatewayProcess.freePort());
		environment.put("BODY_LIMIT", BODY_LIMIT / 1024 + "KB");
		environment.put("UPLOAD_LIMIT", UPLOAD_LIMIT / 1024 + "KB");
		environment.put("RATE_LIMIT_BURST", String.valueOf(RATE_LIMIT_BURST));
		environment.put("RATE_LIMIT_PER_SECOND", "10");
		environment.put("CIRCUIT_OPEN_WAIT", "2s");
		environment.put("CORS_ALLOWED_ORIGINS", WEB_ORIGIN);
		environment.put("POPULATION_URL", population.baseUrl());
		GatewayProcess gateway = GatewayProcess.start(environment);
		return new Platform(population, subsidies, trainingA, trainingB, projects, gateway);
	}

	/** A client of the gateway. */
	Http http() {
		return new Http(this.gateway.baseUrl());
	}

	/** A client calling the population-service directly, bypassing the gateway. */
	Http populationDirect() {
		return new Http(this.population.baseUrl());
	}

	/** A user name no other test uses: rate limits are per user. */
	static String user(String prefix) {
		return prefix + "-" + USERS.incrementAndGet();
	}

}
