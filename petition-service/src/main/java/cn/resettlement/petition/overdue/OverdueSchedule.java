package cn.resettlement.petition.overdue;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.scheduling.annotation.SchedulingConfigurer;

import cn.resettlement.petition.config.PetitionProperties;

/**
 * Runs the overdue detector on every instance at {@code petition.overdue.interval}. No
 * leader election is needed: the detector is safe to run concurrently.
 */
@Configuration(proxyBeanMethods = false)
class OverdueSchedule implements SchedulingConfigurer {

	private static final Logger log = LoggerFactory.getLogger(OverdueSchedule.class);

	private final OverdueDetector detector;

	private final PetitionProperties.Overdue settings;

	OverdueSchedule(OverdueDetector detector, PetitionProperties properties) {
		this.detector = detector;
		this.settings = properties.overdue();
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		registrar
			.addFixedDelayTask(new FixedDelayTask(this::run, this.settings.interval(), this.settings.initialDelay()));
	}

	private void run() {
		try {
			this.detector.detect();
		}
		catch (RuntimeException ex) {
			log.warn("Overdue detection failed; retrying in {}: {}", this.settings.interval(), ex.getMessage());
		}
	}

}
