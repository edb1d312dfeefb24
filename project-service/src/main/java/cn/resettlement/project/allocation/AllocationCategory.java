package cn.resettlement.project.allocation;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * 资金类别 — the fund line an allocation comes from, as the centre's plan documents name it.
 */
public enum AllocationCategory {

	/** 第一批到县资金 */
	FIRST_BATCH("第一批到县资金", "第一批"),
	/** 600元内 (e.g. 2022年600元内): direct-subsidy funds inside the 600 yuan. */
	WITHIN_600("600元内"),
	/** 重点移民村建设专项 */
	KEY_VILLAGE("重点移民村建设专项", "重点移民村"),
	/** 突出问题处理 (first and second batch are separate allocations). */
	PROMINENT_ISSUES("突出问题处理"),
	/** 三峡后续工作 */
	THREE_GORGES("三峡后续工作", "三峡后续"),
	/** 困难移民扶助金 */
	HARDSHIP_AID("困难移民扶助金", "困难扶助"),
	/** 突出问题项目资金 */
	PROMINENT_ISSUE_PROJECTS("突出问题项目资金"),
	/** 其他 */
	OTHER("其他");

	private final List<String> labels;

	AllocationCategory(String... labels) {
		this.labels = List.of(labels);
	}

	/** The Chinese name used in documents. */
	public String label() {
		return this.labels.get(0);
	}

	/**
	 * Reads a category from a list: its code ({@code KEY_VILLAGE}) or its Chinese name as
	 * documents write it ({@code 2022年600元内}, {@code 突出问题处理二批}). The most specific name
	 * wins, so 突出问题项目资金 is not read as 突出问题处理.
	 */
	public static Optional<AllocationCategory> parse(String text) {
		if (text == null || text.isBlank()) {
			return Optional.empty();
		}
		String value = text.strip();
		Optional<AllocationCategory> byCode = Arrays.stream(values()).filter((c) -> c.name().equals(value)).findFirst();
		if (byCode.isPresent()) {
			return byCode;
		}
		return Arrays.stream(values())
			.filter((c) -> c.labels.stream().anyMatch(value::contains))
			.max((a, b) -> Integer.compare(a.longestMatch(value), b.longestMatch(value)));
	}

	private int longestMatch(String value) {
		return this.labels.stream().filter(value::contains).mapToInt(String::length).max().orElse(0);
	}

}
