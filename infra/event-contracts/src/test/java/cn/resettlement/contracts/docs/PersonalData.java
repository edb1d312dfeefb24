package cn.resettlement.contracts.docs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which fields of an event carry personal data, by kind, read from the schemas by field
 * name. The kinds and why each travels are stated once here and printed with the table.
 */
public final class PersonalData {

	/** Kinds of personal data, in the order of the table's columns. */
	public enum Kind {

		ID_NUMBER("ID numbers", "the provincial system matches people by the GB 11643 ID number"),

		NAME("Names", "the province checks a match by name and shows it on its roster"),

		OTHER("Other data about the person",
				"birth date and sex are derived from the ID number (age rules); the relation to the head of household and the school of a subsidised student are what the provincial indicators count by"),

		REFERENCE("References to persons",
				"platform ids join one person's or household's events without repeating identity data; a subscriber that also reads the population topic can resolve them to a person"),

		STAFF("Staff", "user ids of the centre's staff who generated and approved a payment batch (four-eyes audit)");

		private final String title;

		private final String why;

		Kind(String title, String why) {
			this.title = title;
			this.why = why;
		}

		public String title() {
			return this.title;
		}

		public String why() {
			return this.why;
		}

	}

	private static final Set<String> REFERENCES = Set.of("migrantId", "migrantIds", "householdId");

	private static final Set<String> STAFF_FIELDS = Set.of("createdBy", "approvedBy");

	private PersonalData() {
	}

	/** The personal-data fields of one event, by kind (kinds without fields left out). */
	public static Map<Kind, List<String>> of(ContractFiles.EventDoc event) {
		Map<Kind, List<String>> found = new LinkedHashMap<>();
		for (Fields.Field field : Fields.of(event.schema())) {
			Kind kind = kind(field);
			if (kind != null) {
				found.computeIfAbsent(kind, (k) -> new ArrayList<>()).add(field.path());
			}
		}
		return found;
	}

	private static Kind kind(Fields.Field field) {
		String name = field.name();
		boolean aboutAPerson = field.siblings().has("idNumber");
		if (name.equals("idNumber") || name.equals("previousIdNumber")) {
			return Kind.ID_NUMBER;
		}
		if (name.equals("name") && aboutAPerson) {
			return Kind.NAME;
		}
		if (aboutAPerson && Set.of("birthDate", "sex", "relationToHead", "school", "programme").contains(name)) {
			return Kind.OTHER;
		}
		if (REFERENCES.contains(name)) {
			return Kind.REFERENCE;
		}
		if (STAFF_FIELDS.contains(name)) {
			return Kind.STAFF;
		}
		return null;
	}

	/** The Markdown table of every event. */
	public static String table(List<ContractFiles.EventDoc> events) {
		StringBuilder out = new StringBuilder();
		out.append("| event | topic |");
		for (Kind kind : Kind.values()) {
			out.append(' ').append(kind.title()).append(" |");
		}
		out.append("\n| --- | --- |");
		for (int i = 0; i < Kind.values().length; i++) {
			out.append(" --- |");
		}
		out.append('\n');
		for (ContractFiles.EventDoc event : events) {
			Map<Kind, List<String>> found = of(event);
			out.append("| ")
				.append(event.type().name())
				.append(" v")
				.append(event.type().version())
				.append(" | `")
				.append(event.type().topic())
				.append("` |");
			for (Kind kind : Kind.values()) {
				List<String> fields = found.getOrDefault(kind, List.of());
				out.append(' ')
					.append(fields.isEmpty() ? "–"
							: String.join(", ", fields.stream().map((f) -> "`" + f + "`").toList()))
					.append(" |");
			}
			out.append('\n');
		}
		out.append("\nWhy each kind travels:\n\n");
		for (Kind kind : Kind.values()) {
			out.append("- **").append(kind.title()).append("**: ").append(kind.why()).append(".\n");
		}
		return out.toString();
	}

}
