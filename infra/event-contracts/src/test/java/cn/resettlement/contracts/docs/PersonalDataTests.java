package cn.resettlement.contracts.docs;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What must never travel on a topic, checked on every schema: card accounts, phone
 * numbers, addresses and free-text reasons of adjustments are internal; petitioners are
 * never identified by name or ID number.
 */
class PersonalDataTests {

	private static final Pattern NEVER = Pattern
		.compile("(?i).*(card|bank|account|phone|mobile|address|password|token).*");

	@Test
	void noEventCarriesCardAccountsPhonesOrAddresses() {
		List<String> found = new ArrayList<>();
		for (ContractFiles.EventDoc event : ContractFiles.events()) {
			for (Fields.Field field : Fields.of(event.schema())) {
				if (NEVER.matcher(field.name()).matches()) {
					found.add(event.messageId() + " " + field.path());
				}
			}
		}
		assertThat(found).isEmpty();
	}

	@Test
	void petitionEventsNeverIdentifyPetitioners() {
		for (ContractFiles.EventDoc event : ContractFiles.events()) {
			if (!event.type().context().equals("petition")) {
				continue;
			}
			Map<PersonalData.Kind, List<String>> personal = PersonalData.of(event);
			assertThat(personal).as(event.messageId())
				.doesNotContainKeys(PersonalData.Kind.ID_NUMBER, PersonalData.Kind.NAME, PersonalData.Kind.OTHER);
			assertThat(Fields.of(event.schema())).as(event.messageId())
				.noneMatch((f) -> f.name().equals("name") || f.name().toLowerCase().contains("petitionername"));
		}
	}

	@Test
	void populationEventsCarryTheIdNumberOfEveryPerson() {
		for (ContractFiles.EventDoc event : ContractFiles.events()) {
			if (event.type().context().equals("population") && event.type().name().startsWith("Migrant")) {
				assertThat(PersonalData.of(event)).as(event.messageId()).containsKey(PersonalData.Kind.ID_NUMBER);
			}
		}
	}

}
