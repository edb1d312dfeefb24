package cn.resettlement.petition.config;

import java.time.Duration;
import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of petition-service, under {@code petition.*}.
 *
 * @param zone the calendar deadlines are counted in: "today" is the date in this zone
 * @param overdue the overdue detector
 */
@ConfigurationProperties("petition")
public record PetitionProperties(@DefaultValue("Asia/Shanghai") ZoneId zone, @DefaultValue Overdue overdue) {

	/**
	 * @param interval pause between two detector runs of one instance
	 * @param initialDelay pause after start-up before the first run
	 * @param batchSize petitions flagged per transaction
	 */
	public record Overdue(@DefaultValue("10m") Duration interval, @DefaultValue("1m") Duration initialDelay,
			@DefaultValue("500") int batchSize) {
	}

}
