package cn.resettlement.petition.config;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Today's date in the unit's calendar, from the injected {@link Clock}: deadlines are
 * dates, and a petition received at 07:00 in Shaodong is received on that local date even
 * though it is still the previous day in UTC.
 */
@Component
public class Today {

	private final Clock clock;

	private final ZoneId zone;

	@Autowired
	public Today(Clock clock, PetitionProperties properties) {
		this(clock, properties.zone());
	}

	/** For tests and tools: a fixed clock in a given zone. */
	public Today(Clock clock, ZoneId zone) {
		this.clock = clock;
		this.zone = zone;
	}

	public LocalDate date() {
		return LocalDate.ofInstant(this.clock.instant(), this.zone);
	}

}
