package cn.resettlement.reporting.ingest;

import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import cn.resettlement.platform.events.CloudEvent;

/**
 * Consumes the five context topics in one consumer group, in batches (one transaction per
 * batch, see {@link Ingestion}).
 */
@Component
class ReportingEventsListener {

	private final Ingestion ingestion;

	ReportingEventsListener(Ingestion ingestion) {
		this.ingestion = ingestion;
	}

	// idIsGroup = false: the group is spring.kafka.consumer.group-id (reporting-service),
	// not the
	// container id
	@KafkaListener(id = ListenerIds.LIVE, idIsGroup = false,
			topics = { Topics.POPULATION, Topics.SUBSIDY, Topics.PROJECT, Topics.TRAINING, Topics.PETITION },
			containerFactory = ListenerConfiguration.FACTORY, properties = {
					"max.poll.records:${reporting.listener.max-poll-records:2000}", "metadata.max.age.ms:30000" })
	void onEvents(List<ConsumerRecord<String, CloudEvent>> records) {
		this.ingestion.applyLive(records);
	}

}
