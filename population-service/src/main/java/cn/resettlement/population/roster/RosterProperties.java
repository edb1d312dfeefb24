package cn.resettlement.population.roster;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param snapshotTtl how long a roster snapshot can be paged after it was taken
 * @param maxLimit largest page
 */
@ConfigurationProperties("population.roster")
record RosterProperties(@DefaultValue("2h") Duration snapshotTtl, @DefaultValue("20000") int maxLimit) {
}
