package cn.resettlement.project.imports;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A column of an imported list, recognised by its English or Chinese header in any order.
 */
interface Column {

	/** The API name of the column, used in row errors. */
	String field();

	/** Headers that name the column; the first is {@link #field()}. */
	List<String> headers();

	/**
	 * Maps a header row to column positions.
	 * @param header the cells of the first row
	 * @param columns every column the list may have
	 * @return position of each column found
	 */
	static <C extends Enum<C> & Column> Map<C, Integer> locate(List<String> header, Class<C> columns) {
		Map<C, Integer> positions = new EnumMap<>(columns);
		for (int i = 0; i < header.size(); i++) {
			String cell = normalize(header.get(i));
			for (C column : columns.getEnumConstants()) {
				if (column.headers().stream().anyMatch((h) -> normalize(h).equals(cell))) {
					positions.putIfAbsent(column, i);
				}
			}
		}
		return positions;
	}

	/**
	 * Compares headers loosely: case, spaces, underscores, asterisks and full-width
	 * brackets do not matter.
	 */
	static String normalize(String header) {
		return (header == null) ? ""
				: header.replace("\uFEFF", "")
					.replace('（', '(')
					.replace('）', ')')
					.replaceAll("[\\s_*]", "")
					.toLowerCase(Locale.ROOT);
	}

}
