package cn.resettlement.training.imports;

import cn.resettlement.platform.tabular.TabularFileException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Finds the columns of a list by their English or Chinese header, in any order.
 */
public final class Header {

	private final Map<String, Integer> positions;

	private Header(Map<String, Integer> positions) {
		this.positions = positions;
	}

	/**
	 * Locates columns in a header row.
	 * @param cells the header row
	 * @param columns the API name of each column with its accepted headers (the API name
	 * is always accepted)
	 * @param required the API names that must be present
	 * @throws TabularFileException when a required column is missing
	 */
	public static Header locate(List<String> cells, Map<String, List<String>> columns, List<String> required) {
		Map<String, Integer> positions = new LinkedHashMap<>();
		for (int i = 0; i < cells.size(); i++) {
			String cell = normalize(cells.get(i));
			for (Map.Entry<String, List<String>> column : columns.entrySet()) {
				List<String> names = new ArrayList<>(column.getValue());
				names.add(column.getKey());
				if (names.stream().anyMatch((name) -> normalize(name).equals(cell))) {
					positions.putIfAbsent(column.getKey(), i);
				}
			}
		}
		List<String> missing = required.stream().filter((name) -> !positions.containsKey(name)).toList();
		if (!missing.isEmpty()) {
			throw new TabularFileException("The first row must be a header; missing columns: " + missing + ".");
		}
		return new Header(positions);
	}

	/**
	 * The trimmed cell of a column, or {@code null} when the column is absent or empty.
	 */
	public String cell(List<String> cells, String column) {
		Integer index = this.positions.get(column);
		if (index == null || index >= cells.size() || cells.get(index) == null) {
			return null;
		}
		String value = cells.get(index).strip();
		return value.isEmpty() ? null : value;
	}

	private static String normalize(String header) {
		return (header == null) ? "" : header.replace("\uFEFF", "").replaceAll("[\\s_*]", "").toLowerCase(Locale.ROOT);
	}

}
