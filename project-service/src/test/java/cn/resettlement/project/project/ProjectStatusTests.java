package cn.resettlement.project.project;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import cn.resettlement.platform.web.ApiException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

class ProjectStatusTests {

	/** Every pair of statuses, and whether the lifecycle allows the move. */
	@ParameterizedTest(name = "{0} -> {1}: {2}")
	@CsvSource({ "PROPOSED, APPROVED, true", "PROPOSED, IN_PROGRESS, false", "PROPOSED, COMPLETED, false",
			"PROPOSED, ACCEPTED, false", "PROPOSED, CANCELLED, true", "APPROVED, PROPOSED, false",
			"APPROVED, IN_PROGRESS, true", "APPROVED, COMPLETED, false", "APPROVED, ACCEPTED, false",
			"APPROVED, CANCELLED, true", "IN_PROGRESS, APPROVED, false", "IN_PROGRESS, COMPLETED, true",
			"IN_PROGRESS, ACCEPTED, false", "IN_PROGRESS, CANCELLED, true", "COMPLETED, IN_PROGRESS, false",
			"COMPLETED, ACCEPTED, true", "COMPLETED, CANCELLED, false", "ACCEPTED, COMPLETED, false",
			"ACCEPTED, CANCELLED, false", "CANCELLED, PROPOSED, false", "CANCELLED, APPROVED, false",
			"CANCELLED, IN_PROGRESS, false", "PROPOSED, PROPOSED, false", "ACCEPTED, ACCEPTED, false" })
	void allowsOnlyTheLifecyclesTransitions(ProjectStatus from, ProjectStatus to, boolean allowed) {
		assertThat(from.canMoveTo(to)).isEqualTo(allowed);
		if (allowed) {
			assertThatNoException().isThrownBy(() -> from.requireCanMoveTo(to));
		}
		else {
			assertThatExceptionOfType(ApiException.class).isThrownBy(() -> from.requireCanMoveTo(to))
				.satisfies((ex) -> assertThat(ex.status().value()).isEqualTo(409))
				.satisfies((ex) -> assertThat(ex.slug()).isEqualTo("illegal-transition"));
		}
	}

	@ParameterizedTest
	@CsvSource({ "PROPOSED, false", "APPROVED, false", "IN_PROGRESS, true", "COMPLETED, true", "ACCEPTED, true",
			"CANCELLED, false" })
	void countsAsImplementedFromTheStartUnlessCancelled(ProjectStatus status, boolean implemented) {
		assertThat(status.implemented()).isEqualTo(implemented);
	}

}
