package cn.resettlement.population.snapshot;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * A snapshot record: the current state of one aggregate. Its CloudEvents type is
 * {@code resettlement.population.<SimpleName>.v1}; the Kafka key is its subject.
 */
interface Snapshot {

	@JsonIgnore
	String subject();

	/** When the register was read; also the envelope's {@code time}. */
	Instant takenAt();

}
