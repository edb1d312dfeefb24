package cn.resettlement.subsidy.files;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Locates named columns in a header row by any of their English or Chinese headers, in
 * any order.
 */
public final class Columns {

	private final Map<String, Integer> positions;

	private Columns(Map<String, Integer> positions) {
		this.positions = positions;
	}

	/**
	 * @param header the header row
	 * @param aliases column name → headers that name it (the name itself always does)
	 */
	public static Columns locate(List<String> header, Map<String, List<String>> aliases) {
		Map<String, Integer> positions = new HashMap<>();
		for (int i = 0; i < header.size(); i++) {
			String cell = normalize(header.get(i));
			for (Map.Entry<String, List<String>> column : aliases.entrySet()) {
				if (normalize(column.getKey()).equals(cell)
						|| column.getValue().stream().anyMatch((alias) -> normalize(alias).equals(cell))) {
					positions.putIfAbsent(column.getKey(), i);
				}
			}
		}
		return new Columns(positions);
	}

	public boolean has(String column) {
		return this.positions.containsKey(column);
	}

	/** The trimmed cell of a column, or {@code null} when absent or blank. */
	public String get(List<String> cells, String column) {
		Integer position = this.positions.get(column);
		if (position == null || position >= cells.size()) {
			return null;
		}
		String value = cells.get(position);
		if (value == null) {
			return null;
		}
		String trimmed = value.strip();
		return trimmed.isEmpty() ? null : trimmed;
	}

	private static String normalize(String header) {
		return (header == null) ? ""
				: header.replace("\uFEFF", "").replaceAll("[\\s_*（）()元]", "").toLowerCase(Locale.ROOT);
	}

}
