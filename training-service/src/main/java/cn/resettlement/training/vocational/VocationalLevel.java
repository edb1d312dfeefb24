package cn.resettlement.training.vocational;

/** The level of vocational education a student is in. */
public enum VocationalLevel {

	/** 中职 / 中专 — secondary vocational school. */
	SECONDARY_VOCATIONAL,
	/** 技工院校 — technician college. */
	TECHNICIAN_COLLEGE,
	/** 高职 / 大专 — higher vocational college. */
	HIGHER_VOCATIONAL

}
