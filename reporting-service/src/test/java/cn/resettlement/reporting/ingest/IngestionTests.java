package cn.resettlement.reporting.ingest;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.kafka.listener.BatchListenerFailedException;

import cn.resettlement.platform.events.CloudEvent;
import cn.resettlement.platform.events.Inbox;
import cn.resettlement.platform.events.MalformedEventException;
import cn.resettlement.reporting.fixtures.EventFactory;
import cn.resettlement.reporting.fixtures.Published;

import static cn.resettlement.reporting.fixtures.EventFactory.data;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;

/**
 * How a batch fails: the events before a bad one are committed and the bad one is named,
 * so the error handler dead-letters it alone; an unavailable database fails the batch.
 */
class IngestionTests {

	private final EventFactory f = new EventFactory("430582", "ingestion");

	private final RecordingInbox inbox = new RecordingInbox();

	private final ReadModelWriter writer = mock(ReadModelWriter.class);

	private final Ingestion ingestion = new Ingestion(this.inbox, this.writer, null, Clock.systemUTC(),
			new SimpleMeterRegistry());

	@Test
	void aMalformedEventStopsTheBatchAfterTheEventsBeforeItAreApplied() {
		List<ConsumerRecord<String, CloudEvent>> batch = List.of(record(paid(1)), record(paid(2)),
				record(paid(3).replace("\"amountFen\":60000,", "")), record(paid(4)));
		assertThatThrownBy(() -> this.ingestion.applyLive(batch))
			.isInstanceOfSatisfying(BatchListenerFailedException.class, (ex) -> {
				assertThat(ex.getIndex()).isEqualTo(2);
				assertThat(ex.getCause()).isInstanceOf(MalformedEventException.class);
			});
		assertThat(this.inbox.applied).hasSize(2);
	}

	@Test
	void anUnreadableMessageIsNamedToo() {
		ConsumerRecord<String, CloudEvent> unreadable = new ConsumerRecord<>("resettlement.subsidy.v1", 0, 7, "k",
				null);
		assertThatThrownBy(() -> this.ingestion.applyLive(List.of(record(paid(1)), unreadable)))
			.isInstanceOfSatisfying(BatchListenerFailedException.class, (ex) -> assertThat(ex.getIndex()).isEqualTo(1));
	}

	@Test
	void anEventTheDatabaseRefusesIsFoundAndNamed() {
		doAnswer((invocation) -> {
			List<Fact> facts = invocation.getArgument(0);
			if (facts.stream()
				.anyMatch((fact) -> fact instanceof Fact.SubsidyPaid p && p.migrantId().equals(this.f.uuid("m3")))) {
				throw new DataIntegrityViolationException("value out of range");
			}
			return null;
		}).when(this.writer).write(anyList());
		List<ConsumerRecord<String, CloudEvent>> batch = List.of(record(paid(1)), record(paid(2)), record(paid(3)),
				record(paid(4)));
		assertThatThrownBy(() -> this.ingestion.applyLive(batch))
			.isInstanceOfSatisfying(BatchListenerFailedException.class, (ex) -> assertThat(ex.getIndex()).isEqualTo(2));
		assertThat(this.inbox.applied).as("the two before it, one by one").hasSize(2);
	}

	@Test
	void anUnavailableDatabaseFailsTheWholeBatchToBeRetried() {
		doAnswer((invocation) -> {
			throw new QueryTimeoutException("timeout");
		}).when(this.writer).write(anyList());
		assertThatThrownBy(() -> this.ingestion.applyLive(List.of(record(paid(1)), record(paid(2)))))
			.isInstanceOf(QueryTimeoutException.class);
		assertThat(this.inbox.applied).isEmpty();
	}

	@Test
	void replayLeavesMalformedEventsOut() {
		int leftOut = this.ingestion.applyReplay(
				List.of(record(paid(1)), record(paid(2).replace("\"amountFen\":60000,", "")), record(paid(3))));
		assertThat(leftOut).isEqualTo(1);
		assertThat(this.inbox.applied).hasSize(2);
	}

	private String paid(int n) {
		Published event = this.f.event("subsidy", "SubsidyPaid", this.f.id("line" + n), LocalDate.of(2024, 3, 1),
				data("lineId", this.f.id("line" + n), "batchId", this.f.id("b"), "lineRef", "B1-" + n, "migrantId",
						this.f.id("m" + n), "idNumber", EventFactory.idNumber(n), "townshipCode", "430582101", "year",
						2024, "period", "2024", "months", 12, "amountFen", 60000, "paidOn", "2024-03-01", "reissueOf",
						null));
		return event.value();
	}

	private static ConsumerRecord<String, CloudEvent> record(String json) {
		CloudEvent event = EventParserTests.read(json);
		return new ConsumerRecord<>("resettlement.subsidy.v1", 0, 0, event.subject(), event);
	}

	/** Applies every batch it is given (no database), remembering what it applied. */
	private static final class RecordingInbox extends Inbox {

		final List<CloudEvent> applied = new ArrayList<>();

		RecordingInbox() {
			super(null, null, "test", new SimpleMeterRegistry());
		}

		@Override
		public List<CloudEvent> applyBatch(List<CloudEvent> events, Consumer<List<CloudEvent>> effect) {
			effect.accept(events);
			this.applied.addAll(events);
			return events;
		}

		@Override
		public void skip(CloudEvent event) {
		}

	}

}
