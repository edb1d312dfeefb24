package cn.resettlement.reporting.ingest;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Facts of one aggregate merge to the same row whatever order their events came in. */
class FactMergeTests {

	private static final UUID ID = UUID.randomUUID();

	@Test
	void aProjectsFactsMergeTheSameInEveryOrder() {
		Fact.Project base = Fact.Project.of("430582", ID, 2024, "P1", "KEY_VILLAGE", "430582101");
		List<Fact.Project> facts = List.of(
				new Fact.Project("430582", ID, 2024, "P1", "项目", "KEY_VILLAGE", "430582101", "三合村", false, false, false,
						false, 0, 0, 0, 2_000_000L, 0, null, null),
				base.started(true),
				new Fact.Project("430582", ID, 2024, "P1", null, "KEY_VILLAGE", "430582101", null, false, false, false,
						false, 1, 500L, 0, 0, 0, null, null),
				new Fact.Project("430582", ID, 2024, "P1", null, "KEY_VILLAGE", "430582101", null, false, false, false,
						false, 2, 900L, 0, 0, 0, null, null),
				new Fact.Project("430582", ID, 2024, "P1", null, "KEY_VILLAGE", "430582101", null, true, true, false,
						false, 0, 0, 900L, 0, 100L, null, null));
		Fact.Project expected = null;
		for (List<Fact.Project> order : permutations(facts)) {
			Fact.Project merged = order.stream().reduce(Fact.Project::merge).orElseThrow();
			if (expected == null) {
				expected = merged;
			}
			assertThat(merged).isEqualTo(expected);
		}
		assertThat(expected.progressSequence()).isEqualTo(2);
		assertThat(expected.progressInvestmentFen()).isEqualTo(900L);
		assertThat(expected.started() && expected.completed()).isTrue();
		assertThat(expected.village()).isEqualTo("三合村");
		assertThat(expected.fundingFen()).isEqualTo(2_000_000L);
	}

	@Test
	void aPetitionsFactsMergeTheSameInEveryOrder() {
		Fact.Petition base = Fact.Petition.of("430582", ID, LocalDate.of(2024, 3, 1), 4, "ROAD", "VISIT", false);
		List<Fact.Petition> facts = List.of(base.with(true, false, null, false, null, false, null),
				base.with(false, true, true, false, null, false, null),
				base.with(false, true, null, false, null, true, "SATISFIED"));
		Fact.Petition expected = null;
		for (List<Fact.Petition> order : permutations(facts)) {
			Fact.Petition merged = order.stream().reduce(Fact.Petition::merge).orElseThrow();
			if (expected == null) {
				expected = merged;
			}
			assertThat(merged).isEqualTo(expected);
		}
		assertThat(expected.registered() && expected.accepted() && expected.closed()).isTrue();
		assertThat(expected.acceptedOnTime()).isTrue();
		assertThat(expected.satisfaction()).isEqualTo("SATISFIED");
	}

	@Test
	void theNewestPolicyWinsWhateverTheOrder() {
		Fact.PolicySet old = new Fact.PolicySet("430582", 2024, 60000, "ANNUAL",
				java.time.Instant.parse("2024-01-01T00:00:00Z"));
		Fact.PolicySet changed = new Fact.PolicySet("430582", 2024, 60000, "QUARTERLY",
				java.time.Instant.parse("2024-01-02T00:00:00Z"));
		assertThat(old.merge(changed)).isEqualTo(changed);
		assertThat(changed.merge(old)).isEqualTo(changed);
	}

	private static <T> List<List<T>> permutations(List<T> items) {
		if (items.isEmpty()) {
			return List.of(List.of());
		}
		List<List<T>> all = new ArrayList<>();
		for (int i = 0; i < items.size(); i++) {
			List<T> rest = new ArrayList<>(items);
			T first = rest.remove(i);
			for (List<T> tail : permutations(rest)) {
				List<T> order = new ArrayList<>();
				order.add(first);
				order.addAll(tail);
				all.add(order);
			}
		}
		return all;
	}

}
