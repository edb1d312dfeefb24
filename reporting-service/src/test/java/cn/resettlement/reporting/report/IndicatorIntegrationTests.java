package cn.resettlement.reporting.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.servlet.client.RestTestClient;

import cn.resettlement.testsupport.IntegrationTest;
import cn.resettlement.testsupport.TestHttp;
import cn.resettlement.testsupport.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;

/** A year starts with the default indicator set; administrators change it. */
@IntegrationTest
class IndicatorIntegrationTests {

	private static final String INDICATORS = "/api/v1/reports/2018/indicators";

	@Autowired
	RestTestClient client;

	@Test
	void aYearStartsWithTheDefaultSetWeightedTenFiftyThirtyTen() {
		JsonNode set = new TestHttp(this.client).as(TestTokens.auditor("caizheng"))
			.get("/api/v1/reports/2017/indicators")
			.json();
		assertThat(set.at("/defaults").asBoolean()).isTrue();
		Map<String, Double> byLevel = new LinkedHashMap<>();
		for (JsonNode indicator : set.get("indicators")) {
			String first = indicator.get("level").asString().split("/")[0];
			byLevel.merge(first, indicator.get("weight").asDouble(), Double::sum);
			assertThat(indicator.has("actual")).isTrue();
			assertThat(indicator.has("score")).isTrue();
		}
		assertThat(byLevel).containsEntry("预算执行", 10.0)
			.containsEntry("产出", 50.0)
			.containsEntry("效益", 30.0)
			.containsEntry("满意度", 10.0);
		assertThat(set.at("/evaluation/grade").asString()).isIn("优", "良", "中", "差");
	}

	@Test
	void administratorsReplaceTheSetAndItIsScoredAgainstTheFigures() {
		TestHttp admin = new TestHttp(this.client).as(TestTokens.admin("zhuren"));
		List<Map<String, Object>> indicators = new ArrayList<>();
		indicators.add(indicator("PETITIONS", "信访批次", "产出/数量", "petitions.batches", "LE", 10, 60));
		indicators.add(indicator("SUBSIDY", "直补标准", "产出/成本", "subsidy.standardYuan", "EQ", 600, 40));

		TestHttp.Response saved = put(admin, Map.of("indicators", indicators), null);
		assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
		assertThat(saved.etag()).isEqualTo("\"1\"");
		JsonNode set = saved.json();
		assertThat(set.at("/defaults").asBoolean()).isFalse();
		// 2018 has no events: no petitions (≤ 10 met), no subsidy policy (no actual)
		assertThat(set.at("/indicators/0/actual").decimalValue()).isEqualByComparingTo("0");
		assertThat(set.at("/indicators/0/met").asBoolean()).isTrue();
		assertThat(set.at("/indicators/0/score").decimalValue()).isEqualByComparingTo("60");
		assertThat(set.at("/indicators/1/actual").isNull()).isTrue();
		assertThat(set.at("/indicators/1/score").decimalValue()).isEqualByComparingTo("0");
		assertThat(set.at("/indicators/1/deviationNote").asString()).contains("缺少数据");
		assertThat(set.at("/evaluation/totalScore").decimalValue()).isEqualByComparingTo("60");
		assertThat(set.at("/evaluation/grade").asString()).isEqualTo("中");

		assertThat(put(admin, Map.of("indicators", indicators), null).status()).as("If-Match now required")
			.isEqualTo(428);
		indicators.set(1, indicator("SUBSIDY", "直补标准", "产出/成本", "subsidy.standardYuan", "EQ", 600, 30));
		TestHttp.Response badWeights = put(admin, Map.of("indicators", indicators), "\"1\"");
		assertThat(badWeights.status()).isEqualTo(400);
		assertThat(badWeights.body()).contains("sum to 100");
		indicators.set(1, indicator("SUBSIDY", "直补标准", "产出/成本", "subsidy.nothing", "EQ", 600, 40));
		assertThat(put(admin, Map.of("indicators", indicators), "\"1\"").body()).contains("indicators[1].metric");
		indicators.set(1, indicator("SUBSIDY", "直补标准", "过程/成本", "subsidy.standardYuan", "EQ", 600, 40));
		assertThat(put(admin, Map.of("indicators", indicators), "\"1\"").status()).as("unknown level").isEqualTo(400);
		indicators.set(1, indicator("SUBSIDY", "直补标准", "产出/成本", "subsidy.standardYuan", "EQ", 600, 40));
		TestHttp.Response byStaff = put(new TestHttp(this.client).as(TestTokens.staff("tongji")),
				Map.of("indicators", indicators), "\"1\"");
		assertThat(byStaff.status()).as(byStaff.toString()).isEqualTo(403);
		assertThat(admin.get("/api/v1/reports/metrics").json().toString()).contains("petitions.resolutionRatePercent");
	}

	private static Map<String, Object> indicator(String code, String name, String level, String metric, String nature,
			int target, int weight) {
		Map<String, Object> indicator = new LinkedHashMap<>();
		indicator.put("code", code);
		indicator.put("name", name);
		indicator.put("level", level);
		indicator.put("metric", metric);
		indicator.put("nature", nature);
		indicator.put("target", target);
		indicator.put("unit", "个");
		indicator.put("weight", weight);
		return indicator;
	}

	private TestHttp.Response put(TestHttp http, Object body, String ifMatch) {
		return http.exchange(HttpMethod.PUT, INDICATORS, body,
				(ifMatch != null) ? Map.of("If-Match", ifMatch) : Map.of());
	}

}
