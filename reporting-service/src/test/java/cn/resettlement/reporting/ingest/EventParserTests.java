package cn.resettlement.reporting.ingest;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import cn.resettlement.platform.events.CloudEvent;
import cn.resettlement.platform.events.CloudEventDeserializer;
import cn.resettlement.platform.events.MalformedEventException;
import cn.resettlement.reporting.fixtures.EventFactory;
import cn.resettlement.reporting.fixtures.Published;

import static cn.resettlement.reporting.fixtures.EventFactory.data;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventParserTests {

	private final EventFactory f = new EventFactory("430582", "parser");

	private final EventParser parser = new EventParser();

	@Test
	void aProgressReportSaysWhichReportOfTheProjectItIs() {
		List<Fact> facts = this.parser.parse(read(progress(2, 5_000_000L)));
		assertThat(facts).singleElement().isInstanceOfSatisfying(Fact.Project.class, (p) -> {
			assertThat(p.progressSequence()).isEqualTo(2);
			assertThat(p.progressInvestmentFen()).isEqualTo(5_000_000L);
			assertThat(p.started()).isFalse();
		});
	}

	@Test
	void aCompletedProjectHasReachedInProgress() {
		Published completed = this.f.event("project", "ProjectCompleted", this.f.id("p"), LocalDate.of(2024, 12, 1),
				data("projectId", this.f.id("p"), "code", "P1", "type", "KEY_VILLAGE", "townshipCode", "430582101",
						"year", 2024, "completedOn", "2024-12-01", "investmentCompletedFen", 100L, "disbursedTotalFen",
						0L));
		assertThat(this.parser.parse(read(completed))).singleElement()
			.isInstanceOfSatisfying(Fact.Project.class, (p) -> assertThat(p.started() && p.completed()).isTrue());
	}

	@Test
	void typesNothingIsCountedFromGiveNoFactsAndUnknownOnesNull() {
		Published household = this.f.event("population", "HouseholdRegistered", this.f.id("h"),
				LocalDate.of(2024, 1, 1), data("householdId", this.f.id("h")));
		assertThat(this.parser.parse(read(household))).isEmpty();
		Published newer = new Published(household.topic(), household.key(),
				household.value().replace("HouseholdRegistered.v1", "HouseholdRegistered.v2"));
		assertThat(this.parser.parse(read(newer))).isNull();
	}

	@Test
	void eventsMissingWhatTheReportNeedsAreMalformed() {
		String valid = progress(1, 10L).value();
		assertThatThrownBy(() -> this.parser.parse(read(valid.replace("\"sequence\":1,", ""))))
			.isInstanceOf(MalformedEventException.class)
			.hasMessageContaining("data.sequence is missing");
		assertThatThrownBy(() -> this.parser
			.parse(read(valid.replace("\"investmentCompletedFen\":10", "\"investmentCompletedFen\":-1"))))
			.isInstanceOf(MalformedEventException.class)
			.hasMessageContaining("negative");
		assertThatThrownBy(
				() -> this.parser.parse(read(valid.replace("\"type\":\"INFRASTRUCTURE\"", "\"type\":\"CASINO\""))))
			.isInstanceOf(MalformedEventException.class);
		assertThatThrownBy(() -> this.parser.parse(read(valid.replace("\"year\":2024", "\"year\":\"2024\""))))
			.isInstanceOf(MalformedEventException.class);
		assertThatThrownBy(
				() -> this.parser.parse(read(valid.replace("\"unitcode\":\"430582\"", "\"unitcode\":\"43\""))))
			.isInstanceOf(MalformedEventException.class);
	}

	private Published progress(int sequence, long investmentFen) {
		return this.f.event("project", "ProjectProgressReported", this.f.id("p"), LocalDate.of(2024, 6, 30),
				data("reportId", this.f.id("r" + sequence), "projectId", this.f.id("p"), "code", "P1", "type",
						"INFRASTRUCTURE", "townshipCode", "430582101", "year", 2024, "sequence", sequence, "reportedOn",
						"2024-06-30", "progressPercent", 50, "investmentCompletedFen", investmentFen,
						"previousInvestmentCompletedFen", 0));
	}

	static CloudEvent read(Published event) {
		return read(event.value());
	}

	static CloudEvent read(String json) {
		try (CloudEventDeserializer deserializer = new CloudEventDeserializer()) {
			return deserializer.deserialize("t", json.getBytes(StandardCharsets.UTF_8));
		}
	}

}
