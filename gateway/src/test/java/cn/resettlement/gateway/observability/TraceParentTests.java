package cn.resettlement.gateway.observability;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class TraceParentTests {

	private static final String VALID = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

	@Test
	void continuesAValidTraceUnchanged() {
		assertThat(TraceParent.continueOrStart(VALID)).isEqualTo(VALID);
		assertThat(TraceParent.traceId(VALID)).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
	}

	@Test
	void acceptsAFutureVersionWithMoreFields() {
		String future = "01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-extra";

		assertThat(TraceParent.continueOrStart(future)).isEqualTo(future);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "garbage", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7",
			"00-00000000000000000000000000000000-00f067aa0ba902b7-01",
			"00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01",
			"00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01",
			"ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
			"00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-extra",
			"00_4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01" })
	void startsANewTraceInsteadOfAnInvalidOne(String invalid) {
		String started = TraceParent.continueOrStart(invalid);

		assertThat(started).isNotEqualTo(invalid).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
		assertThat(TraceParent.isValid(started)).isTrue();
	}

	@Test
	void startsDistinctTraces() {
		Set<String> traces = new HashSet<>();
		for (int i = 0; i < 1000; i++) {
			traces.add(TraceParent.traceId(TraceParent.start()));
		}

		assertThat(traces).hasSize(1000);
	}

}
