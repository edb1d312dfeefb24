package cn.resettlement.project.project;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** 项目类型 — what a follow-up support project does. */
public enum ProjectType {

	/** 基础设施 */
	INFRASTRUCTURE("基础设施", "基础设施建设"),
	/** 产业发展 */
	INDUSTRY("产业发展", "产业扶持"),
	/** 重点移民村建设 / 美丽家园 */
	KEY_VILLAGE("重点移民村建设", "重点移民村", "美丽家园"),
	/** 三峡后续 */
	THREE_GORGES("三峡后续", "三峡后续工作"),
	/** 突出问题处理 (避险解困) */
	PROMINENT_ISSUES("突出问题处理", "突出问题", "避险解困"),
	/** 困难移民扶助 */
	HARDSHIP_AID("困难移民扶助", "困难扶助"),
	/** 避险搬迁: moving migrant households out of hazard zones (the centre's fifth duty). */
	RISK_RELOCATION("避险搬迁"),
	/** 其他 */
	OTHER("其他");

	private final List<String> labels;

	ProjectType(String... labels) {
		this.labels = List.of(labels);
	}

	public String label() {
		return this.labels.get(0);
	}

	/** Reads a type from a list: its code or one of its Chinese names. */
	public static Optional<ProjectType> parse(String text) {
		if (text == null || text.isBlank()) {
			return Optional.empty();
		}
		String value = text.strip();
		return Arrays.stream(values()).filter((t) -> t.name().equals(value) || t.labels.contains(value)).findFirst();
	}

}
