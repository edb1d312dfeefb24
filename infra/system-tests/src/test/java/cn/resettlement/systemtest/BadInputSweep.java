package cn.resettlement.systemtest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import cn.resettlement.testsupport.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 11, the bad-input sweep: generated from the OpenAPI documents the services
 * publish (fetched through the gateway, {@code /v3/api-docs/{service}}), every operation
 * with a body or parameters is sent wrong in every way its schema says it can be wrong -
 * through the gateway, as ADMIN (a role allowed to write everything, so the request
 * reaches validation), path ids pointing to real records. Every case is one change of a
 * well-formed request: a wrong type, a required field missing or null, an unknown field,
 * a bad GB 11643 check digit, negative / huge / 3-decimal amounts, impossible dates,
 * unknown enum values, strings longer than allowed, control characters, injection text
 * where a format is required, malformed JSON, the wrong content type, a body over the
 * gateway's 1 MB limit; and files (CSV / XLSX) with broken rows, GB18030 bytes declared
 * as UTF-8, garbage and spreadsheet formulas for the upload endpoints.
 * <p>
 * What each answer must be: never a 5xx and never a 429 (the sweep spreads over many
 * users; the gateway's rate limit answers are repeated after Retry-After and counted,
 * never taken as a rejection); a write that is refused is a 4xx
 * {@code application/problem+json}; a read with a free-text parameter may answer 200; an
 * upload may be accepted as a job (202), which must end without recording anything.
 * "Nothing recorded" is checked by the caller with {@link PlatformState} snapshots.
 */
final class BadInputSweep {

	static final String[] SERVICES = { "population", "subsidy", "project", "training", "petition", "reporting" };

	/**
	 * Users the sweep's requests are spread over (the gateway's rate limit is per user).
	 */
	private static final int USERS = 48;

	private static final List<String> TOKENS = new ArrayList<>();

	static {
		for (int u = 0; u < USERS; u++) {
			TOKENS.add(TestTokens.admin("sweep-" + u));
		}
	}

	private static final HttpClient CLIENT = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	/** An If-Match value to be replaced by the current ETag of the path that follows. */
	private static final String ETAG_OF = "etag-of:";

	private static final Map<String, Object> RESOURCE_LOCKS = new ConcurrentHashMap<>();

	/**
	 * One line per case: operation, input, status (target/system-test/sweep-cases.tsv).
	 */
	private final List<String> log = Collections.synchronizedList(new ArrayList<>());

	/** Text that must never be taken for a date, an id, a code or an enum. */
	static final List<String> INJECTIONS = List.of("' OR '1'='1", "1; DROP TABLE migrant; --",
			"<script>alert(1)</script>", "${jndi:ldap://127.0.0.1/x}", "../../../etc/passwd", "%00", "\u202e\u0000");

	/** Control characters in text fields (a NUL byte, an escape sequence, a bell). */
	static final List<String> CONTROLS = List.of("矩阵\u0000测试", "\u001b[31m红\u001b[0m", "响铃\u0007");

	/** A query value that makes the request line longer than the gateway's 4 KB. */
	static final String LONG_LINE = "y".repeat(5000);

	static final List<String> DATES = List.of("2021-02-30", "2021-13-01", "0000-00-00", "2021-1-1", "99999-01-01",
			"yesterday");

	private final Function<String, String> pathTargets;

	private final Map<String, String> bodyTargets;

	private final String idNumber;

	private final AtomicInteger next = new AtomicInteger();

	private final AtomicLong requests = new AtomicLong();

	private final AtomicLong throttled = new AtomicLong();

	/** Outcomes by class, for the record. */
	private final Map<String, AtomicLong> outcomes = new ConcurrentHashMap<>();

	/** What must not happen, with the evidence. */
	private final List<String> findings = Collections.synchronizedList(new ArrayList<>());

	/**
	 * Jobs the accepted uploads started (their rows are left out of the database digest).
	 */
	private final Set<String> jobs = ConcurrentHashMap.newKeySet();

	private final Set<String> operations = new TreeSet<>();

	/**
	 * Reads answered 200 despite a bad parameter (not a write; listed for the reader).
	 */
	private final List<String> acceptedReads = Collections.synchronizedList(new ArrayList<>());

	/**
	 * @param pathTargets path template and parameter name → a real value
	 * @param bodyTargets uuid body field → a real id
	 * @param idNumber a registered migrant's ID number (valid check digit)
	 */
	BadInputSweep(Function<String, String> pathTargets, Map<String, String> bodyTargets, String idNumber) {
		this.pathTargets = pathTargets;
		this.bodyTargets = bodyTargets;
		this.idNumber = idNumber;
	}

	/**
	 * One request.
	 *
	 * @param operation method and path template
	 * @param input what is wrong with it
	 * @param method HTTP method
	 * @param path concrete path with query
	 * @param contentType body type, or null
	 * @param body body, or null
	 * @param headers extra headers
	 * @param read a read (GET): a 200 is acceptable for some parameters
	 * @param upload a file upload: a 202 job is acceptable
	 */
	record Case(String operation, String input, String method, String path, String contentType, byte[] body,
			Map<String, String> headers, boolean read, boolean upload) {
	}

	List<String> findings() {
		return this.findings;
	}

	Set<String> jobs() {
		return this.jobs;
	}

	long requests() {
		return this.requests.get();
	}

	long throttled() {
		return this.throttled.get();
	}

	Map<String, AtomicLong> outcomes() {
		return this.outcomes;
	}

	List<String> acceptedReads() {
		return this.acceptedReads;
	}

	Set<String> operations() {
		return this.operations;
	}

	// the cases

	/** Every case of every service's document. */
	List<Case> cases() {
		List<Case> cases = new ArrayList<>();
		for (String service : SERVICES) {
			Gateway.Response doc = Gateway.as("sweep-docs", null).get("/v3/api-docs/" + service);
			assertThat(doc.status()).as("OpenAPI document of " + service + ": " + doc).isEqualTo(200);
			JsonNode api = doc.json();
			for (Map.Entry<String, JsonNode> path : api.get("paths").properties()) {
				for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
					cases.addAll(casesOf(api, op.getKey().toUpperCase(), path.getKey(), op.getValue()));
				}
			}
		}
		return cases;
	}

	private List<Case> casesOf(JsonNode api, String method, String template, JsonNode op) {
		List<Case> cases = new ArrayList<>();
		List<JsonNode> pathParams = new ArrayList<>();
		List<JsonNode> queryParams = new ArrayList<>();
		for (JsonNode p : op.path("parameters")) {
			if (p.get("in").asString().equals("path")) {
				pathParams.add(p);
			}
			else if (p.get("in").asString().equals("query")) {
				queryParams.add(p);
			}
		}
		JsonNode content = op.path("requestBody").path("content");
		boolean json = content.has("application/json");
		boolean multipart = content.has("multipart/form-data");
		if (pathParams.isEmpty() && queryParams.isEmpty() && !json && !multipart) {
			return cases;
		}
		String operation = method + " " + template;
		synchronized (this.operations) {
			this.operations.add(operation);
		}
		// a read, also the searches sent as POST (ID numbers never go into URLs)
		boolean read = method.equals("GET") || template.endsWith("/lookup") || template.endsWith("/search");
		Map<String, String> pathValues = new LinkedHashMap<>();
		for (JsonNode p : pathParams) {
			String name = p.get("name").asString();
			pathValues.put(name, this.pathTargets.apply(template + "#" + name));
		}
		Map<String, String> queryValues = new LinkedHashMap<>();
		for (JsonNode p : queryParams) {
			if (p.path("required").asBoolean(false)) {
				queryValues.put(p.get("name").asString(), validParam(p.get("name").asString(), p.path("schema")));
			}
		}
		JsonNode body = json ? example(api, content.get("application/json").get("schema"), "", 0) : null;
		// an update of a record that exists needs its ETag (428 otherwise, before the
		// body is looked at)
		Map<String, String> headers = Map.of();
		if (op.path("parameters").toString().contains("\"If-Match\"") && !method.equals("POST")) {
			String resource = path(template, pathValues, Map.of());
			Gateway reader = Gateway.as("sweep-etag", TOKENS.get(0));
			if (reader.get(resource).header("ETag") == null) {
				// a sub-resource (e.g. a petition's assignment) carries its record's
				// version
				resource = resource.substring(0, resource.lastIndexOf('/'));
			}
			if (reader.get(resource).header("ETag") != null) {
				// read again right before each case is sent (an accepted case changes the
				// version)
				headers = Map.of("If-Match", ETAG_OF + resource);
			}
		}
		// path parameters
		for (JsonNode p : pathParams) {
			String name = p.get("name").asString();
			JsonNode schema = p.path("schema");
			List<String> bad = new ArrayList<>();
			if ("uuid".equals(schema.path("format").asString(""))) {
				bad.addAll(List.of("not-a-uuid", "00000000-0000-0000-0000-000000000000", "1' OR '1'='1", "%00",
						"12345678-1234-1234-1234-1234567890123"));
			}
			else if ("integer".equals(schema.path("type").asString(""))) {
				bad.addAll(List.of("abc", "-1", "99999", "2021.5", "2147483648", "0x7E5"));
			}
			else {
				bad.addAll(INJECTIONS.subList(0, 3));
			}
			for (String value : bad) {
				Map<String, String> values = new LinkedHashMap<>(pathValues);
				values.put(name, value);
				cases.add(request(operation, "path " + name + "=" + value, method, path(template, values, queryValues),
						json ? body : null, headers, read));
			}
		}
		String target = path(template, pathValues, queryValues);
		// query parameters
		for (JsonNode p : queryParams) {
			String name = p.get("name").asString();
			for (Map.Entry<String, Boolean> value : badParams(name, p.path("schema")).entrySet()) {
				Map<String, String> values = new LinkedHashMap<>(queryValues);
				values.put(name, value.getKey());
				String shown = (value.getKey().length() > 100)
						? value.getKey().substring(0, 20) + "…(" + value.getKey().length() + " characters"
								+ (value.getKey().equals(LONG_LINE) ? ", request line over 4 KB)" : ")")
						: value.getKey();
				cases.add(request(operation, "query " + name + "=" + shown, method, path(template, pathValues, values),
						json ? body : null, headers, read));
			}
			if (p.path("required").asBoolean(false)) {
				Map<String, String> values = new LinkedHashMap<>(queryValues);
				values.remove(name);
				cases.add(request(operation, "query " + name + " missing", method, path(template, pathValues, values),
						json ? body : null, headers, read));
			}
		}
		if (op.path("parameters").toString().contains("\"If-Match\"") && json) {
			for (String etag : List.of("not-a-version", "\"abc\"", "W/\"-1\"")) {
				cases.add(
						request(operation, "If-Match: " + etag, method, target, body, Map.of("If-Match", etag), false));
			}
		}
		if (json) {
			cases.addAll(bodyCases(api, operation, method, target, content.get("application/json").get("schema"), body,
					headers));
		}
		if (multipart) {
			cases.addAll(uploads(operation, target));
		}
		return cases;
	}

	private Case request(String operation, String input, String method, String path, JsonNode body,
			Map<String, String> headers, boolean read) {
		byte[] bytes = (body != null) ? Gateway.JSON.writeValueAsBytes(body) : null;
		return new Case(operation, input, method, path, (body != null) ? "application/json" : null, bytes, headers,
				read, false);
	}

	private static String path(String template, Map<String, String> pathValues, Map<String, String> queryValues) {
		String path = template;
		for (Map.Entry<String, String> v : pathValues.entrySet()) {
			path = path.replace("{" + v.getKey() + "}", encodePath(v.getValue()));
		}
		StringBuilder query = new StringBuilder();
		for (Map.Entry<String, String> q : queryValues.entrySet()) {
			query.append(query.isEmpty() ? '?' : '&')
				.append(q.getKey())
				.append('=')
				.append(URLEncoder.encode(q.getValue(), StandardCharsets.UTF_8));
		}
		return path + query;
	}

	private static String encodePath(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20").replace("%25", "%");
	}

	private String validParam(String name, JsonNode schema) {
		if ("date".equals(schema.path("format").asString(""))) {
			return (name.equals("asOf")) ? "2021-01-01" : "2021-06-01";
		}
		if (name.equals("year")) {
			return "2021";
		}
		if ("integer".equals(schema.path("type").asString(""))) {
			return "1";
		}
		return "x";
	}

	/**
	 * Bad values of a query parameter; {@code true} when a read may still answer 200
	 * (free text searched for, a filter with no match).
	 */
	private Map<String, Boolean> badParams(String name, JsonNode schema) {
		Map<String, Boolean> bad = new LinkedHashMap<>();
		String type = schema.path("type").asString("");
		String format = schema.path("format").asString("");
		if (type.equals("integer")) {
			bad.put("abc", false);
			bad.put("1.5", false);
			bad.put("2147483648", false);
			if (name.equals("page")) {
				bad.put("-1", false);
			}
			else if (name.equals("size") || name.equals("limit")) {
				bad.put("0", false);
				bad.put("100000", false);
			}
			else if (name.equals("year")) {
				bad.put("-1", false);
				bad.put("99999", false);
			}
		}
		else if (type.equals("boolean")) {
			bad.put("yes", false);
			bad.put("2", false);
		}
		else if (format.equals("date")) {
			DATES.forEach((d) -> bad.put(d, false));
		}
		else if (format.equals("uuid")) {
			bad.put("not-a-uuid", false);
			bad.put("1' OR '1'='1", false);
		}
		else if (schema.has("enum")) {
			bad.put("UNKNOWN_VALUE", false);
			bad.put(INJECTIONS.get(0), false);
		}
		else if (name.equals("townshipCode") || name.equals("unitCode")) {
			// a code that matches nothing may be answered with an empty list
			bad.put("43058210", true);
			bad.put(INJECTIONS.get(0), true);
		}
		else if (name.equals("q") || name.equals("asset") || name.equals("after") || name.equals("period")) {
			// free text searched for
			INJECTIONS.forEach((i) -> bad.put(i, true));
			bad.put("x".repeat(3000), true);
			bad.put(LONG_LINE, true);
		}
		else {
			// other text parameters name a choice (format, charset, view, kind, status
			// ...)
			bad.put("UNKNOWN_VALUE", false);
			bad.put(INJECTIONS.get(0), false);
			bad.put(CONTROLS.get(0), false);
		}
		return bad;
	}

	// bodies

	private static JsonNode resolve(JsonNode api, JsonNode schema) {
		if (schema.has("$ref")) {
			String name = schema.get("$ref").asString().substring("#/components/schemas/".length());
			return api.get("components").get("schemas").get(name);
		}
		return schema;
	}

	/** A well-formed value for a schema (the base each case changes one thing of). */
	private JsonNode example(JsonNode api, JsonNode schemaOrRef, String name, int depth) {
		JsonNode schema = resolve(api, schemaOrRef);
		String type = schema.path("type").asString("object");
		String format = schema.path("format").asString("");
		if (schema.has("enum")) {
			return NODES.stringNode(schema.get("enum").get(0).asString());
		}
		switch (type) {
			case "object": {
				ObjectNode object = NODES.objectNode();
				if (depth < 3) {
					for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
						object.set(property.getKey(), example(api, property.getValue(), property.getKey(), depth + 1));
					}
				}
				return object;
			}
			case "array": {
				ArrayNode array = NODES.arrayNode();
				array.add(example(api, schema.path("items"), name, depth + 1));
				return array;
			}
			case "integer":
				if (name.equals("year")) {
					return NODES.numberNode(2021);
				}
				return NODES.numberNode(Math.max(1, schema.path("minimum").asInt(1)));
			case "number":
				return NODES.numberNode(new BigDecimal("100"));
			case "boolean":
				return NODES.booleanNode(false);
			default:
				break;
		}
		if (format.equals("date")) {
			return NODES.stringNode("2021-06-01");
		}
		if (format.equals("uuid")) {
			return NODES.stringNode(this.bodyTargets.getOrDefault(name, UUID.randomUUID().toString()));
		}
		String lower = name.toLowerCase();
		if (lower.contains("idnumber")) {
			return NODES.stringNode(this.idNumber);
		}
		if (lower.contains("townshipcode")) {
			return NODES.stringNode(Register.JIULONGLING);
		}
		return NODES.stringNode(switch (name) {
			case "period" -> "2021";
			case "academicYear" -> "2021-2022";
			case "phone" -> "13800000000";
			case "cardAccount" -> "6217000000000001";
			case "code" -> "SWEEP_1";
			case "level" -> "产出/数量指标";
			case "metric" -> "petitions.batches";
			default -> "清扫测试";
		});
	}

	private List<Case> bodyCases(JsonNode api, String operation, String method, String target, JsonNode schemaRef,
			JsonNode body, Map<String, String> headers) {
		List<Case> cases = new ArrayList<>();
		// the body as a whole
		Map<String, String> raw = new LinkedHashMap<>();
		raw.put("malformed JSON: {", "{");
		raw.put("malformed JSON: trailing comma", "{\"a\":1,}");
		raw.put("malformed JSON: unquoted", "{a:1}");
		raw.put("an array for the object", "[]");
		raw.put("null for the object", "null");
		raw.put("a string for the object", "\"x\"");
		raw.put("empty body", "");
		raw.put("two documents", body + body.toString());
		raw.put("nested 5000 deep", "[".repeat(5000) + "]".repeat(5000));
		raw.put("invalid UTF-8", null);
		String text = body.toString();
		if (body.isObject() && !body.isEmpty()) {
			String first = body.properties().iterator().next().getKey();
			raw.put("duplicate key " + first, "{\"" + first + "\":" + body.get(first) + "," + text.substring(1));
		}
		for (Map.Entry<String, String> r : raw.entrySet()) {
			byte[] bytes = (r.getValue() != null) ? r.getValue().getBytes(StandardCharsets.UTF_8)
					: new byte[] { '{', '"', (byte) 0xC3, (byte) 0x28, '"', ':', '1', '}' };
			cases
				.add(new Case(operation, r.getKey(), method, target, "application/json", bytes, headers, false, false));
		}
		cases.add(new Case(operation, "Content-Type text/plain", method, target, "text/plain",
				text.getBytes(StandardCharsets.UTF_8), headers, false, false));
		cases.add(new Case(operation, "Content-Type application/xml", method, target, "application/xml",
				"<a>1</a>".getBytes(StandardCharsets.UTF_8), headers, false, false));
		if (body.isObject()) {
			ObjectNode extra = ((ObjectNode) body).deepCopy();
			extra.put("unexpectedField", 1);
			cases.add(request(operation, "unknown field", method, target, extra, headers, false));
			// fields, one level deep into objects and the first array item
			fieldCases(api, operation, method, target, body, resolve(api, schemaRef), body, "", cases, 0, headers);
		}
		return cases;
	}

	private void fieldCases(JsonNode api, String operation, String method, String target, JsonNode root,
			JsonNode schema, JsonNode object, String prefix, List<Case> cases, int depth, Map<String, String> headers) {
		Set<String> required = new TreeSet<>();
		schema.path("required").forEach((r) -> required.add(r.asString()));
		for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
			String name = property.getKey();
			String field = prefix + name;
			JsonNode fieldSchema = resolve(api, property.getValue());
			Map<String, JsonNode> bad = new LinkedHashMap<>();
			if (required.contains(name)) {
				bad.put("missing", null);
				bad.put("null", NODES.nullNode());
			}
			badValues(name, fieldSchema, object.get(name), bad);
			if (!required.contains(name) && fieldSchema.path("minLength").asInt(0) == 0) {
				// an optional text may be blank (e.g. a narrative item without a title of
				// its own)
				bad.remove("blank");
			}
			for (Map.Entry<String, JsonNode> b : bad.entrySet()) {
				JsonNode changed = replace(root, object, name, b.getValue(), b.getKey().equals("missing"));
				cases.add(request(operation, field + ": " + describe(b), method, target, changed, headers, false));
			}
			if (depth < 1) {
				String type = fieldSchema.path("type").asString("object");
				if (type.equals("array") && object.get(name) != null && object.get(name).size() > 0) {
					JsonNode items = resolve(api, fieldSchema.path("items"));
					if (items.has("properties")) {
						fieldCases(api, operation, method, target, root, items, object.get(name).get(0), field + "[0].",
								cases, depth + 1, headers);
					}
				}
				else if (fieldSchema.has("properties") && object.get(name) != null) {
					fieldCases(api, operation, method, target, root, fieldSchema, object.get(name), field + ".", cases,
							depth + 1, headers);
				}
			}
		}
	}

	private static String describe(Map.Entry<String, JsonNode> bad) {
		String value = String.valueOf(bad.getValue());
		return bad.getKey() + ((bad.getValue() == null || bad.getKey().equals("null")) ? ""
				: " " + ((value.length() > 60) ? value.substring(0, 40) + "…(" + value.length() + " chars)" : value));
	}

	/** A copy of the root whose {@code object} has {@code name} set to {@code value}. */
	private static JsonNode replace(JsonNode root, JsonNode object, String name, JsonNode value, boolean remove) {
		// object is a node inside root: change it in place on a deep copy found by
		// identity
		JsonNode copy = root.deepCopy();
		ObjectNode target = (ObjectNode) find(root, copy, object);
		if (remove) {
			target.remove(name);
		}
		else {
			target.set(name, value);
		}
		return copy;
	}

	private static JsonNode find(JsonNode original, JsonNode copy, JsonNode wanted) {
		if (original == wanted) {
			return copy;
		}
		if (original.isObject()) {
			for (Map.Entry<String, JsonNode> p : original.properties()) {
				JsonNode found = find(p.getValue(), copy.get(p.getKey()), wanted);
				if (found != null) {
					return found;
				}
			}
		}
		else if (original.isArray()) {
			for (int i = 0; i < original.size(); i++) {
				JsonNode found = find(original.get(i), copy.get(i), wanted);
				if (found != null) {
					return found;
				}
			}
		}
		return null;
	}

	private void badValues(String name, JsonNode schema, JsonNode valid, Map<String, JsonNode> bad) {
		String type = schema.path("type").asString("object");
		String format = schema.path("format").asString("");
		String lower = name.toLowerCase();
		switch (type) {
			case "integer" -> {
				bad.put("a string", NODES.stringNode("1"));
				bad.put("a fraction", NODES.numberNode(new BigDecimal("1.5")));
				bad.put("a boolean", NODES.booleanNode(true));
				bad.put("beyond int32", NODES.numberNode(new BigDecimal("2147483648")));
				if (schema.has("minimum")) {
					bad.put("below the minimum", NODES.numberNode(schema.get("minimum").asLong() - 1));
				}
				else if (lower.equals("year") || lower.contains("count") || lower.contains("days")) {
					bad.put("negative", NODES.numberNode(-1));
				}
				if (schema.has("maximum")) {
					bad.put("above the maximum", NODES.numberNode(schema.get("maximum").asLong() + 1));
				}
				else if (lower.equals("year")) {
					bad.put("year 99999", NODES.numberNode(99999));
				}
			}
			case "number" -> {
				bad.put("a string", NODES.stringNode("100"));
				bad.put("a boolean", NODES.booleanNode(true));
				bad.put("negative", NODES.numberNode(new BigDecimal("-1")));
				bad.put("huge", NODES.numberNode(new BigDecimal("1E+20")));
				if (!lower.equals("weight") && !lower.equals("target")) {
					bad.put("3 decimals", NODES.numberNode(new BigDecimal("100.125")));
					bad.put("0.001", NODES.numberNode(new BigDecimal("0.001")));
				}
			}
			case "boolean" -> {
				bad.put("a string", NODES.stringNode("true"));
				bad.put("a number", NODES.numberNode(1));
			}
			case "array" -> {
				bad.put("not an array", NODES.stringNode("x"));
				ArrayNode withNull = NODES.arrayNode();
				withNull.addNull();
				bad.put("a null item", withNull);
				if (schema.has("maxItems") && valid != null && valid.size() > 0) {
					ArrayNode tooMany = NODES.arrayNode();
					for (int i = 0; i <= schema.get("maxItems").asInt(); i++) {
						tooMany.add(valid.get(0).deepCopy());
					}
					bad.put("more than maxItems", tooMany);
				}
				JsonNode items = schema.path("items");
				if (items.path("type").asString("").equals("string") && lower.contains("idnumber")) {
					ArrayNode wrongDigit = NODES.arrayNode();
					wrongDigit.add(badCheckDigit(this.idNumber));
					bad.put("an ID number with a wrong check digit", wrongDigit);
				}
			}
			case "object" -> {
				if (schema.has("properties") || schema.has("additionalProperties")) {
					bad.put("not an object", NODES.stringNode("x"));
				}
			}
			default -> {
				// strings
				bad.put("a number", NODES.numberNode(12345));
				bad.put("an object", NODES.objectNode().put("a", 1));
				if (schema.has("enum")) {
					bad.put("unknown enum value", NODES.stringNode("UNKNOWN_VALUE"));
					bad.put("lower case", NODES.stringNode(schema.get("enum").get(0).asString().toLowerCase()));
					bad.put("empty", NODES.stringNode(""));
				}
				else if (format.equals("date")) {
					for (String d : DATES) {
						bad.put("impossible date " + d, NODES.stringNode(d));
					}
				}
				else if (format.equals("uuid")) {
					bad.put("not a uuid", NODES.stringNode("not-a-uuid"));
					bad.put("injection", NODES.stringNode(INJECTIONS.get(0)));
				}
				else if (lower.contains("idnumber")) {
					bad.put("wrong check digit", NODES.stringNode(badCheckDigit(this.idNumber)));
					bad.put("17 characters", NODES.stringNode(this.idNumber.substring(0, 17)));
					bad.put("impossible birth date", NODES.stringNode(withCheckDigit("43058219501345123")));
					bad.put("injection", NODES.stringNode(INJECTIONS.get(1)));
				}
				else if (schema.has("pattern") && !matches(schema.get("pattern").asString(), INJECTIONS.get(0))) {
					// a format (a code, a phone number, an account): text that is not one
					bad.put("injection", NODES.stringNode(INJECTIONS.get(0)));
					bad.put("script", NODES.stringNode(INJECTIONS.get(2)));
				}
				else {
					// free text (no pattern, or one that takes any words): control
					// characters
					for (String c : CONTROLS) {
						bad.put("control characters " + escape(c), NODES.stringNode(c));
					}
				}
				int max = schema.path("maxLength").asInt(0);
				bad.put("oversized", NODES.stringNode("长".repeat((max > 0) ? max + 1 : 100_000)));
				if (schema.path("minLength").asInt(0) > 0 || name.equals("name") || name.equals("title")
						|| name.equals("summary") || name.equals("reason")) {
					bad.put("blank", NODES.stringNode("   "));
				}
			}
		}
	}

	private static boolean matches(String pattern, String text) {
		try {
			return java.util.regex.Pattern.compile(pattern).matcher(text).matches();
		}
		catch (java.util.regex.PatternSyntaxException ex) {
			return false;
		}
	}

	private static String escape(String s) {
		StringBuilder out = new StringBuilder();
		for (char c : s.toCharArray()) {
			out.append((c < 0x20 || c == 0x7f) ? String.format("\\u%04x", (int) c) : String.valueOf(c));
		}
		return out.toString();
	}

	static String badCheckDigit(String idNumber) {
		char last = idNumber.charAt(17);
		char wrong = (last == '1') ? '2' : '1';
		return idNumber.substring(0, 17) + wrong;
	}

	/** GB 11643: the check character of the first 17 digits. */
	static String withCheckDigit(String seventeen) {
		int[] weights = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += (seventeen.charAt(i) - '0') * weights[i];
		}
		return seventeen + "10X98765432".charAt(sum % 11);
	}

	// uploads

	/** Columns of each upload (the services' documented headers). */
	private String[] header(String template) {
		if (template.endsWith("/population/imports")) {
			return new String[] { "householdNo", "townshipCode", "village", "reservoir", "areaType", "relocatedOn",
					"idNumber", "name", "relationToHead", "cardAccount" };
		}
		if (template.endsWith("/imports/projects")) {
			return new String[] { "项目编码", "项目名称", "项目类型", "乡镇代码", "村(居委会)", "年度", "概算(万元)", "实施单位", "资金文号",
					"安排资金(万元)" };
		}
		if (template.endsWith("/imports/fund-allocations")) {
			return new String[] { "年度", "资金类别", "文号", "标题", "金额(万元)", "下达日期" };
		}
		if (template.endsWith("/enrollments/imports")) {
			return new String[] { "身份证号", "姓名" };
		}
		if (template.endsWith("/completions/imports")) {
			return new String[] { "身份证号", "证书编号", "出勤天数" };
		}
		if (template.endsWith("/results")) {
			return new String[] { "参考号", "身份证号码", "金额", "状态", "支付日期", "失败原因" };
		}
		return new String[] { "身份证号码", "姓名", "一卡通账号" };
	}

	/**
	 * Rows that are each wrong: bad check digit, impossible date, unknown code, a
	 * formula, control characters, a cell too long, too few and too many cells, an
	 * unbalanced quote.
	 */
	private List<List<String>> brokenRows(int columns) {
		String bad = badCheckDigit(this.idNumber);
		List<List<String>> rows = new ArrayList<>();
		String[][] patterns = { { bad, "2021-02-30", "99999", "=cmd|' /C calc'!A0" },
				{ "=HYPERLINK(\"http://evil.example\",\"点我\")", "2021-13-01", "-1", "+SUM(1+1)" },
				{ "@SUM(1)", "0000-00-00", "1E+20", "-2+3" },
				{ "\u0000\u001b", "yesterday", "abc", "'; DROP TABLE x;--" },
				{ "长".repeat(5000), "2021/02/30", "100.125", "UNKNOWN_VALUE" } };
		for (String[] pattern : patterns) {
			List<String> row = new ArrayList<>();
			for (int c = 0; c < columns; c++) {
				row.add(pattern[c % pattern.length]);
			}
			rows.add(row);
		}
		rows.add(List.of(bad));
		List<String> tooMany = new ArrayList<>(rows.get(0));
		tooMany.addAll(List.of("多余", "多余", "多余"));
		rows.add(tooMany);
		return rows;
	}

	private static String csv(String[] header, List<List<String>> rows, boolean unbalanced) {
		StringBuilder out = new StringBuilder(String.join(",", header)).append('\n');
		for (List<String> row : rows) {
			List<String> cells = new ArrayList<>();
			for (String cell : row) {
				cells
					.add((cell.contains(",") || cell.contains("\"")) ? "\"" + cell.replace("\"", "\"\"") + "\"" : cell);
			}
			out.append(String.join(",", cells)).append('\n');
		}
		if (unbalanced) {
			out.append("\"未闭合的引号,").append(badCheckDigit("430582195001010011")).append('\n');
		}
		return out.toString();
	}

	private byte[] xlsx(String[] header, List<List<String>> rows) {
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = workbook.createSheet("名单");
			Row first = sheet.createRow(0);
			for (int c = 0; c < header.length; c++) {
				first.createCell(c).setCellValue(header[c]);
			}
			for (int r = 0; r < rows.size(); r++) {
				Row row = sheet.createRow(r + 1);
				for (int c = 0; c < rows.get(r).size(); c++) {
					String value = rows.get(r).get(c);
					if (value.length() > 32_000) {
						value = value.substring(0, 32_000);
					}
					row.createCell(c).setCellValue(value.replace("\u0000", ""));
				}
			}
			// real formula cells too
			Row formulas = sheet.createRow(rows.size() + 1);
			for (int c = 0; c < header.length; c++) {
				formulas.createCell(c)
					.setCellFormula((c % 2 == 0) ? "1+1" : "HYPERLINK(\"http://evil.example\",\"x\")");
			}
			workbook.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private List<Case> uploads(String operation, String target) {
		String[] header = header(operation);
		List<List<String>> rows = brokenRows(header.length);
		String csv = csv(header, rows, false);
		Map<String, byte[]> files = new LinkedHashMap<>();
		Map<String, String> types = new LinkedHashMap<>();
		files.put("CSV, every row broken", csv.getBytes(StandardCharsets.UTF_8));
		types.put("CSV, every row broken", "text/csv");
		files.put("CSV, unbalanced quote", csv(header, rows.subList(0, 1), true).getBytes(StandardCharsets.UTF_8));
		types.put("CSV, unbalanced quote", "text/csv");
		files.put("CSV in GB18030 declared as UTF-8", csv.getBytes(Charset.forName("GB18030")));
		types.put("CSV in GB18030 declared as UTF-8", "text/csv; charset=UTF-8");
		files.put("CSV, header only", (String.join(",", header) + "\n").getBytes(StandardCharsets.UTF_8));
		types.put("CSV, header only", "text/csv");
		byte[] garbage = new byte[4096];
		new Random(11).nextBytes(garbage);
		files.put("garbage bytes as .csv", garbage);
		types.put("garbage bytes as .csv", "text/csv");
		files.put("garbage bytes as .xlsx", garbage);
		types.put("garbage bytes as .xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
		files.put("XLSX, every row broken, formula cells", xlsx(header, rows));
		types.put("XLSX, every row broken, formula cells",
				"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
		files.put("empty file", new byte[0]);
		types.put("empty file", "text/csv");
		if (operation.endsWith("/reconciliations")) {
			// a payee list whose rows are wrong is compared all the same, by design: its
			// rows are
			// reported as INVALID_ROW items of a new reconciliation (201), next to every
			// person of
			// the roster missing from it - files that cannot be read at all must be
			// refused
			files.keySet()
				.retainAll(List.of("CSV in GB18030 declared as UTF-8", "garbage bytes as .csv",
						"garbage bytes as .xlsx", "empty file"));
		}
		List<Case> cases = new ArrayList<>();
		for (Map.Entry<String, byte[]> file : files.entrySet()) {
			String name = file.getKey().contains("xlsx") || file.getKey().startsWith("XLSX") ? "名单.xlsx" : "名单.csv";
			String boundary = "----sweep-" + UUID.randomUUID();
			cases.add(new Case(operation, file.getKey(), "POST", target, "multipart/form-data; boundary=" + boundary,
					multipart(boundary, "file", name, types.get(file.getKey()), file.getValue()), Map.of(), false,
					true));
		}
		String boundary = "----sweep-" + UUID.randomUUID();
		cases.add(new Case(operation, "multipart without the file part", "POST", target,
				"multipart/form-data; boundary=" + boundary,
				multipart(boundary, "other", "x.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)), Map.of(),
				false, true));
		cases.add(new Case(operation, "JSON instead of a file", "POST", target, "application/json",
				"{\"file\":\"x\"}".getBytes(StandardCharsets.UTF_8), Map.of(), false, true));
		return cases;
	}

	private static byte[] multipart(String boundary, String part, String filename, String type, byte[] content) {
		ByteArrayOutputStream body = new ByteArrayOutputStream(content.length + 512);
		body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + part + "\"; filename=\""
				+ filename + "\"\r\nContent-Type: " + type + "\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8));
		body.writeBytes(content);
		body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return body.toByteArray();
	}

	/** One body over the gateway's 1 MB limit per service's write operation. */
	List<Case> oversized(List<Case> cases) {
		List<Case> over = new ArrayList<>();
		Set<String> seen = new TreeSet<>();
		for (Case c : cases) {
			if (!c.read() && !c.upload() && "application/json".equals(c.contentType()) && seen.add(c.operation())) {
				String filler = "长".repeat(400_000);
				byte[] body = ("{\"summary\":\"" + filler + "\"}").getBytes(StandardCharsets.UTF_8);
				over.add(new Case(c.operation(), "body over 1 MB (" + body.length + " bytes)", c.method(), c.path(),
						"application/json", body, Map.of(), false, false));
			}
		}
		return over;
	}

	/**
	 * A finding already reported (to be fixed in its service): its cases are not sent -
	 * an accepted one would write - and are listed instead.
	 *
	 * @param operation regular expression on "METHOD /path/template"
	 * @param input text the case's description contains
	 * @param finding what was found, with the evidence
	 */
	record Known(String operation, String input, String finding) {

		boolean matches(Case c) {
			return c.operation().matches(this.operation) && c.input().contains(this.input);
		}

	}

	/** The cases a known finding holds back, with the finding. */
	static Map<Case, Known> held(List<Case> cases, List<Known> known) {
		Map<Case, Known> held = new LinkedHashMap<>();
		for (Case c : cases) {
			known.stream().filter((k) -> k.matches(c)).findFirst().ifPresent((k) -> held.put(c, k));
		}
		return held;
	}

	// running

	/** Sends every case on {@code threads} threads and judges every answer. */
	void run(List<Case> cases, int threads) throws InterruptedException {
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		try {
			List<Future<?>> done = new ArrayList<>();
			for (Case c : cases) {
				done.add(pool.submit(() -> judge(c, send(c))));
			}
			for (Future<?> f : done) {
				try {
					f.get(10, TimeUnit.MINUTES);
				}
				catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException ex) {
					this.findings.add("the sweep itself failed: " + ex);
				}
			}
		}
		finally {
			pool.shutdownNow();
		}
	}

	private record Answer(int status, String contentType, String body, String location, String error) {
	}

	List<String> log() {
		return this.log;
	}

	private Answer send(Case c) {
		String etagOf = c.headers().getOrDefault("If-Match", "");
		if (etagOf.startsWith(ETAG_OF)) {
			String resource = etagOf.substring(ETAG_OF.length());
			synchronized (RESOURCE_LOCKS.computeIfAbsent(resource, (r) -> new Object())) {
				String etag = Gateway.as("sweep-etag", TOKENS.get(0)).get(resource).header("ETag");
				Map<String, String> headers = new LinkedHashMap<>(c.headers());
				headers.put("If-Match", (etag != null) ? etag : "\"0\"");
				return sendAsIs(new Case(c.operation(), c.input(), c.method(), c.path(), c.contentType(), c.body(),
						headers, c.read(), c.upload()));
			}
		}
		return sendAsIs(c);
	}

	private Answer sendAsIs(Case c) {
		String token = TOKENS.get(Math.floorMod(this.next.getAndIncrement(), TOKENS.size()));
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(Gateway.BASE + c.path()))
			.timeout(Duration.ofSeconds(60))
			.header("Authorization", "Bearer " + token);
		HttpRequest.BodyPublisher publisher = (c.body() != null) ? HttpRequest.BodyPublishers.ofByteArray(c.body())
				: HttpRequest.BodyPublishers.noBody();
		builder.method(c.method(), publisher);
		if (c.contentType() != null) {
			builder.header("Content-Type", c.contentType());
		}
		c.headers().forEach(builder::header);
		HttpRequest request = builder.build();
		for (int attempt = 0;; attempt++) {
			this.requests.incrementAndGet();
			try {
				HttpResponse<byte[]> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofByteArray());
				if (response.statusCode() == 429 && attempt < 20) {
					this.throttled.incrementAndGet();
					long seconds = response.headers().firstValueAsLong("Retry-After").orElse(1);
					Thread.sleep(Duration.ofSeconds(Math.max(1, seconds)).toMillis());
					continue;
				}
				return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
						new String(response.body(), StandardCharsets.UTF_8),
						response.headers().firstValue("Location").orElse(null), null);
			}
			catch (IOException ex) {
				return new Answer(-1, "", "", null, ex.toString());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return new Answer(-1, "", "", null, ex.toString());
			}
		}
	}

	private void judge(Case c, Answer a) {
		this.log.add(c.operation() + "\t" + c.input().replace('\t', ' ').replace('\n', ' ') + "\t" + a.status());
		String evidence = c.method() + " " + c.path() + " [" + c.input() + "] -> " + a.status() + " "
				+ ((a.body().length() > 300) ? a.body().substring(0, 300) + "…" : a.body());
		if (a.error() != null) {
			count("connection error");
			this.findings.add("no answer: " + evidence + " " + a.error());
			return;
		}
		int s = a.status();
		if (s == 429) {
			count("429");
			this.findings.add("still rate-limited after 20 repeats: " + evidence);
			return;
		}
		if (s >= 500) {
			count("5xx");
			this.findings.add("5xx: " + evidence);
			return;
		}
		if (s >= 400) {
			count(String.valueOf(s));
			if (!a.contentType().startsWith("application/problem+json")) {
				this.findings
					.add("a rejection that is not application/problem+json (" + a.contentType() + "): " + evidence);
			}
			return;
		}
		if (c.upload() && s == 202) {
			count("202 job");
			String job = awaitJob(a.location());
			if (job == null) {
				this.findings.add("an upload accepted without a job to follow: " + evidence);
			}
			else if (job.startsWith("RUNNING")) {
				this.findings.add("an upload's job did not finish: " + evidence + " " + job);
			}
			return;
		}
		if (c.read() || c.operation().endsWith("/lookup") || c.operation().endsWith("/search")) {
			// a read, also the searches sent as POST (ID numbers never go into URLs)
			count("2xx read");
			this.acceptedReads.add(evidence);
			return;
		}
		count("2xx accepted");
		this.findings.add("bad input accepted: " + evidence);
	}

	/** Follows an upload's job to its end; remembers it; returns its final state. */
	private String awaitJob(String location) {
		if (location == null) {
			return null;
		}
		Gateway reader = Gateway.as("sweep-jobs", TestTokens.admin("sweep-jobs"));
		JsonNode[] last = new JsonNode[1];
		try {
			await("job " + location).atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(300)).until(() -> {
				last[0] = reader.get(location).json();
				return List.of("SUCCEEDED", "FAILED").contains(last[0].at("/status").asString());
			});
		}
		catch (org.awaitility.core.ConditionTimeoutException ex) {
			return "RUNNING " + last[0];
		}
		this.jobs.add(last[0].at("/id").asString());
		return last[0].at("/status").asString() + " " + last[0];
	}

	private void count(String outcome) {
		this.outcomes.computeIfAbsent(outcome, (k) -> new AtomicLong()).incrementAndGet();
	}

}
