package cn.resettlement.gateway;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import cn.resettlement.testsupport.TestIdNumbers;
import cn.resettlement.testsupport.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Authorization is the services' business; this proves, through the gateway, that each
 * endpoint family enforces it: role × endpoint × own/other township → expected status.
 * The matrix is data: each family lists its endpoints with the policy the service applies
 * and how to build a request for a record of a given township. Add a family (and its
 * service process in {@link Platform}) as each service appears.
 */
class AuthorizationMatrixIntegrationTests {

	private static final Fixtures FIXTURES = new Fixtures();

	/** Who calls. The township officer belongs to {@link Platform#OWN_TOWNSHIP}. */
	enum Caller {

		ADMIN, STAFF, AUDITOR, TOWNSHIP_OFFICER;

		String token() {
			String user = Platform.user("matrix-" + name().toLowerCase());
			return switch (this) {
				case ADMIN -> TestTokens.admin(user);
				case STAFF -> TestTokens.staff(user);
				case AUDITOR -> TestTokens.auditor(user);
				case TOWNSHIP_OFFICER -> TestTokens.officer(user, Platform.OWN_TOWNSHIP);
			};
		}

	}

	/** Whose record the request touches, seen from the township officer. */
	enum Township {

		OWN(Platform.OWN_TOWNSHIP), OTHER(Platform.OTHER_TOWNSHIP);

		final String code;

		Township(String code) {
			this.code = code;
		}

	}

	/** The rule a service applies to an endpoint (api.md, quality.md). */
	enum Policy {

		/** Every role reads; a township officer only their own township's records. */
		READ,
		/**
		 * ADMIN, STAFF and township officers (own township only) change; AUDITOR is
		 * read-only.
		 */
		WRITE,
		/** Centre staff only (ADMIN, STAFF): e.g. full ID numbers and card accounts. */
		CENTRE_ONLY;

		int expected(Caller caller, Township township, int success) {
			boolean otherTownshipOfficer = caller == Caller.TOWNSHIP_OFFICER && township == Township.OTHER;
			return switch (this) {
				case READ -> otherTownshipOfficer ? 403 : success;
				case WRITE -> (caller == Caller.AUDITOR || otherTownshipOfficer) ? 403 : success;
				case CENTRE_ONLY -> (caller == Caller.ADMIN || caller == Caller.STAFF) ? success : 403;
			};
		}

	}

	/** A request to make, for a record of a township. */
	record Call(String method, String path, Object body, String ifMatch) {

		static Call get(String path) {
			return new Call("GET", path, null, null);
		}

		static Call post(String path, Object body) {
			return new Call("POST", path, body, null);
		}

	}

	/** Builds the call for a record of the township (creating the record if needed). */
	interface Request {

		Call prepare(Fixtures fixtures, String township);

	}

	/**
	 * An endpoint of a family.
	 *
	 * @param family the service's API context
	 * @param name method and path, for the report
	 * @param policy who may do it
	 * @param success the status when allowed
	 * @param request how to build the call
	 */
	record Endpoint(String family, String name, Policy policy, int success, Request request) {
	}

	/** Every endpoint family there is a service for. */
	static List<Endpoint> endpoints() {
		List<Endpoint> endpoints = new ArrayList<>();
		endpoints.addAll(population());
		return endpoints;
	}

	static List<Endpoint> population() {
		String base = "/api/v1/population";
		return List.of(
				new Endpoint("population", "GET /migrants/{id}", Policy.READ, 200,
						(f, t) -> Call.get(base + "/migrants/" + f.shared(t).id())),
				new Endpoint("population", "GET /migrants/{id}/adjustments", Policy.READ, 200,
						(f, t) -> Call.get(base + "/migrants/" + f.shared(t).id() + "/adjustments")),
				new Endpoint("population", "GET /migrants?townshipCode", Policy.READ, 200,
						(f, t) -> Call.get(base + "/migrants?townshipCode=" + t)),
				new Endpoint("population", "GET /households/{id}", Policy.READ, 200,
						(f, t) -> Call.get(base + "/households/" + f.shared(t).householdId())),
				new Endpoint("population", "GET /households?townshipCode", Policy.READ, 200,
						(f, t) -> Call.get(base + "/households?townshipCode=" + t)),
				new Endpoint("population", "POST /households", Policy.WRITE, 201,
						(f, t) -> Call.post(base + "/households", PopulationFixtures.householdBody(t))),
				new Endpoint("population", "POST /migrants", Policy.WRITE, 201,
						(f, t) -> Call.post(base + "/migrants",
								PopulationFixtures.migrantBody(f.population().registerHousehold(t),
										TestIdNumbers.unique()))),
				new Endpoint("population", "PATCH /migrants/{id}", Policy.WRITE, 200, (f, t) -> {
					PopulationFixtures.Migrant migrant = f.population().registerMigrant(t);
					return new Call("PATCH", base + "/migrants/" + migrant.id(), Map.of("phone", "13900000000"),
							migrant.etag());
				}),
				new Endpoint("population", "POST /migrants/{id}/adjustments", Policy.WRITE, 201,
						(f, t) -> Call.post(
								base + "/migrants/" + f.population().registerMigrant(t).id() + "/adjustments",
								Map.of("type", "MOVED_OUT", "effectiveDate", "2025-01-15", "decidedOn", "2025-01-15",
										"reason", "迁往外省", "documentNo", "邵移〔2025〕1号"))),
				new Endpoint("population", "GET /roster", Policy.CENTRE_ONLY, 200,
						(f, t) -> Call.get(base + "/roster?asOf=2025-01-01&limit=1")));
	}

	static Stream<Arguments> matrix() {
		List<Arguments> cases = new ArrayList<>();
		for (Endpoint endpoint : endpoints()) {
			for (Caller caller : Caller.values()) {
				for (Township township : Township.values()) {
					int expected = endpoint.policy().expected(caller, township, endpoint.success());
					cases.add(Arguments.of(
							endpoint.family() + " · " + endpoint.name() + " · " + caller + " · "
									+ township.name().toLowerCase() + " township → " + expected,
							endpoint, caller, township, expected));
				}
			}
		}
		return cases.stream();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("matrix")
	void enforcesRolesAndTownshipScope(String name, Endpoint endpoint, Caller caller, Township township, int expected) {
		Call call = endpoint.request().prepare(FIXTURES, township.code);
		Http client = FIXTURES.gateway().as(caller.token());
		if (call.ifMatch() != null) {
			client = client.with("If-Match", call.ifMatch());
		}

		Http.Response response = (call.body() != null) ? client.json(call.method(), call.path(), call.body())
				: client.get(call.path());

		assertThat(response.status()).as(name + ": " + response).isEqualTo(expected);
		if (expected == 403) {
			assertThat(response.contentType()).isEqualTo("application/problem+json");
			assertThat(response.at("/type")).isEqualTo("/problems/forbidden");
		}
	}

	/** Records the matrix works on: shared ones for reads, fresh ones for each change. */
	static final class Fixtures {

		private final Map<String, PopulationFixtures.Migrant> shared = new ConcurrentHashMap<>();

		private PopulationFixtures population;

		private Http gateway;

		synchronized Http gateway() {
			if (this.gateway == null) {
				this.gateway = Platform.get().http();
				this.population = new PopulationFixtures(this.gateway);
			}
			return this.gateway;
		}

		PopulationFixtures population() {
			gateway();
			return this.population;
		}

		PopulationFixtures.Migrant shared(String township) {
			return this.shared.computeIfAbsent(township, population()::registerMigrant);
		}

	}

}
