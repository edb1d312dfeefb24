package cn.resettlement.petition.migrants;

import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import cn.resettlement.platform.events.CloudEvent;
import cn.resettlement.platform.events.EventHandlers;
import cn.resettlement.platform.events.Inbox;
import cn.resettlement.platform.events.MalformedEventException;

/**
 * Keeps the ID-number index of registered migrants from population-service's topic and
 * links petitioners as migrants become known. Each event is applied once (inbox).
 */
@Component
class PopulationEventsListener {

	private static final Logger log = LoggerFactory.getLogger(PopulationEventsListener.class);

	private final MigrantRefs refs;

	private final EventHandlers handlers;

	PopulationEventsListener(MigrantRefs refs, Inbox inbox) {
		this.refs = refs;
		this.handlers = EventHandlers.with(inbox)
			.on("resettlement.population.MigrantRegistered.v1", this::onRegistered)
			.on("resettlement.population.MigrantCorrected.v1", this::onCorrected)
			.build();
	}

	@KafkaListener(topics = "resettlement.population.v1")
	void on(CloudEvent event) {
		this.handlers.handle(event);
	}

	private void onRegistered(CloudEvent event) {
		remember(event);
	}

	private void onCorrected(CloudEvent event) {
		String previous = event.textOrNull("previousIdNumber");
		if (previous != null) {
			this.refs.forget(idNumber(event, previous), migrantId(event));
		}
		remember(event);
	}

	private void remember(CloudEvent event) {
		int linked = this.refs.remember(idNumber(event, event.text("idNumber")), migrantId(event), township(event));
		if (linked > 0) {
			log.info("Linked {} petitioner(s) to migrant {}", linked, migrantId(event));
		}
	}

	private static String idNumber(CloudEvent event, String value) {
		if (!value.matches("[0-9]{17}[0-9X]")) {
			throw new MalformedEventException(event, "an ID number is not 17 digits and a check character");
		}
		return value;
	}

	private static String township(CloudEvent event) {
		String code = event.text("townshipCode");
		if (!code.matches("[0-9]{9}")) {
			throw new MalformedEventException(event, "data.townshipCode is not a 9-digit code");
		}
		return code;
	}

	private static UUID migrantId(CloudEvent event) {
		try {
			return UUID.fromString(event.text("migrantId"));
		}
		catch (IllegalArgumentException ex) {
			throw new MalformedEventException(event, "data.migrantId is not a UUID");
		}
	}

}
