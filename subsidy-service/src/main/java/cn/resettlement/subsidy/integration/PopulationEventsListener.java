package cn.resettlement.subsidy.integration;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.UUID;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import cn.resettlement.platform.events.CloudEvent;
import cn.resettlement.platform.events.EventHandlers;
import cn.resettlement.platform.events.Inbox;
import cn.resettlement.platform.events.MalformedEventException;
import cn.resettlement.subsidy.overpayment.Overpayments;

/**
 * Consumes population-service's events: adjustments (动态调整) feed overpayment detection,
 * corrections update open claims and unsent lines. Each event is applied once (inbox);
 * other event types are skipped.
 */
@Component
class PopulationEventsListener {

	static final String ADJUSTED = "resettlement.population.MigrantAdjusted.v1";

	static final String CORRECTED = "resettlement.population.MigrantCorrected.v1";

	private final EventHandlers handlers;

	PopulationEventsListener(Inbox inbox, Overpayments overpayments) {
		this.handlers = EventHandlers.with(inbox)
			.on(ADJUSTED, (event) -> overpayments.adjusted(adjustment(event)))
			.on(CORRECTED,
					(event) -> overpayments.corrected(uuid(event, "migrantId"), event.text("idNumber"),
							event.text("name"), event.text("townshipCode")))
			.build();
	}

	@KafkaListener(topics = "resettlement.population.v1")
	void on(CloudEvent event) {
		this.handlers.handle(event);
	}

	static Overpayments.Adjustment adjustment(CloudEvent event) {
		String newStatus = event.text("newStatus");
		if (!newStatus.equals("ACTIVE") && !newStatus.equals("REMOVED")) {
			throw new MalformedEventException(event, "data.newStatus is " + newStatus);
		}
		return new Overpayments.Adjustment(uuid(event, "adjustmentId"), uuid(event, "migrantId"),
				event.text("idNumber"), event.text("townshipCode"), event.text("type"), date(event, "effectiveDate"),
				date(event, "decidedOn"), newStatus);
	}

	private static UUID uuid(CloudEvent event, String field) {
		try {
			return UUID.fromString(event.text(field));
		}
		catch (IllegalArgumentException ex) {
			throw new MalformedEventException(event, "data." + field + " is not a UUID");
		}
	}

	private static LocalDate date(CloudEvent event, String field) {
		try {
			return LocalDate.parse(event.text(field));
		}
		catch (DateTimeParseException ex) {
			throw new MalformedEventException(event, "data." + field + " is not a date");
		}
	}

}
