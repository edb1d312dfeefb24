package cn.resettlement.population.imports;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import cn.resettlement.platform.tabular.TabularFileException;

/**
 * The columns of a township roster, recognised by their English or Chinese header, in any
 * order.
 */
enum Columns {

	HOUSEHOLD_NO(true, "householdNo", "户编号", "户号"), TOWNSHIP_CODE(true, "townshipCode", "乡镇代码", "乡镇编码"),
	VILLAGE(true, "village", "村", "村名", "村(居委会)", "村（居委会）"), RESERVOIR(false, "reservoir", "水库"),
	AREA_TYPE(true, "areaType", "区域类型", "库区/安置区"), RELOCATED_ON(true, "relocatedOn", "搬迁日期", "搬迁时间"),
	ADDRESS(false, "address", "地址", "住址"), ID_NUMBER(true, "idNumber", "身份证号", "身份证号码"), NAME(true, "name", "姓名"),
	RELATION_TO_HEAD(false, "relationToHead", "与户主关系"), PHONE(false, "phone", "电话", "联系电话"),
	CARD_ACCOUNT(false, "cardAccount", "一卡通账号", "一卡通卡号"), CATEGORY(false, "category", "类别", "移民类别");

	private final boolean required;

	private final List<String> headers;

	Columns(boolean required, String... headers) {
		this.required = required;
		this.headers = List.of(headers);
	}

	/** The API name of the column, used in row errors. */
	String field() {
		return this.headers.get(0);
	}

	/**
	 * Maps a header row to column positions.
	 * @throws TabularFileException when a required column is missing
	 */
	static Map<Columns, Integer> locate(List<String> header) {
		Map<Columns, Integer> positions = new EnumMap<>(Columns.class);
		for (int i = 0; i < header.size(); i++) {
			String cell = normalize(header.get(i));
			for (Columns column : values()) {
				if (column.headers.stream().anyMatch((h) -> normalize(h).equals(cell))) {
					positions.putIfAbsent(column, i);
				}
			}
		}
		List<String> missing = java.util.Arrays.stream(values())
			.filter((c) -> c.required && !positions.containsKey(c))
			.map(Columns::field)
			.toList();
		if (!missing.isEmpty()) {
			throw new TabularFileException("The first row must be a header; missing columns: " + missing
					+ ". See docs/population-import.md for the column names.");
		}
		return positions;
	}

	private static String normalize(String header) {
		return (header == null) ? "" : header.replace("\uFEFF", "").replaceAll("[\\s_*]", "").toLowerCase(Locale.ROOT);
	}

}
