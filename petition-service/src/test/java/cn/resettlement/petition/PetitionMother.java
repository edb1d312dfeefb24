package cn.resettlement.petition;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.resettlement.testsupport.TestHttp;

import static org.assertj.core.api.Assertions.assertThat;

/** Object Mother: petitions of the Shaodong unit, registered and moved on over HTTP. */
public final class PetitionMother {

	public static final String BASE = "/api/v1/petitions";

	private PetitionMother() {
	}

	/** A visit of {@code persons} persons about a homestead, no petitioner named. */
	public static Map<String, Object> petition(LocalDate receivedOn, int persons, String township) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("receivedOn", receivedOn.toString());
		body.put("channel", "VISIT");
		body.put("personCount", persons);
		body.put("petitioners", new ArrayList<>());
		body.put("townshipCode", township);
		body.put("category", "HOMESTEAD");
		body.put("summary", "反映宅基地审批迟迟未办理，要求尽快解决。");
		return body;
	}

	public static Map<String, Object> petitioner(String name, String idNumber) {
		Map<String, Object> petitioner = new LinkedHashMap<>();
		petitioner.put("name", name);
		petitioner.put("idNumber", idNumber);
		return petitioner;
	}

	@SuppressWarnings("unchecked")
	public static Map<String, Object> withPetitioners(Map<String, Object> body, Map<String, Object>... petitioners) {
		((List<Object>) body.get("petitioners")).addAll(List.of(petitioners));
		return body;
	}

	/** Registers the petition and returns the response (201 asserted). */
	public static TestHttp.Response register(TestHttp http, Map<String, Object> body) {
		TestHttp.Response response = http.post(BASE, body);
		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		return response;
	}

	/** Registers a petition and returns its id. */
	public static String registered(TestHttp http, LocalDate receivedOn, int persons, String township) {
		return register(http, petition(receivedOn, persons, township)).at("/id");
	}

	/** Runs a lifecycle command that must succeed and returns the response. */
	public static TestHttp.Response command(TestHttp http, String id, String command, Map<String, Object> body) {
		TestHttp.Response response = http.post(BASE + "/" + id + "/" + command, body);
		assertThat(response.status()).as(command + " " + response).isEqualTo(200);
		return response;
	}

	public static TestHttp.Response accept(TestHttp http, String id, LocalDate on) {
		return command(http, id, "accept", Map.of("acceptedOn", on.toString()));
	}

	public static TestHttp.Response reply(TestHttp http, String id, LocalDate on) {
		return command(http, id, "reply", Map.of("repliedOn", on.toString(), "resolution", "经核实，已协调解决并书面答复。"));
	}

	public static TestHttp.Response close(TestHttp http, String id, LocalDate on, String satisfaction) {
		return command(http, id, "close", Map.of("closedOn", on.toString(), "satisfaction", satisfaction));
	}

	/** Registers, accepts, replies and closes a petition; returns its id. */
	public static String closed(TestHttp http, Map<String, Object> body, LocalDate acceptedOn, LocalDate repliedOn,
			LocalDate closedOn) {
		String id = register(http, body).at("/id");
		accept(http, id, acceptedOn);
		reply(http, id, repliedOn);
		close(http, id, closedOn, "SATISFIED");
		return id;
	}

}
