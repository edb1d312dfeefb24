package cn.resettlement.petition.cases;

/** The petitioner's evaluation of the handling (满意度评价). */
public enum Satisfaction {

	/** 满意. */
	SATISFIED,
	/** 基本满意. */
	BASICALLY_SATISFIED,
	/** 不满意. */
	DISSATISFIED;

	/** Counts towards the satisfaction rate (满意 and 基本满意). */
	public boolean satisfied() {
		return this != DISSATISFIED;
	}

}
