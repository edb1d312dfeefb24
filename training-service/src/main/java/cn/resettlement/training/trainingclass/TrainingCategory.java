package cn.resettlement.training.trainingclass;

/**
 * The three kinds of training class the centre runs (the vocational subsidy is apart).
 */
public enum TrainingCategory {

	/** 农业实用技术 — practical agricultural skills (养殖, 中药材种植, ...). */
	AGRICULTURAL,
	/** 转移就业技能 — skills for moving into employment. */
	EMPLOYMENT,
	/** 致富带头人 — leaders of getting rich. */
	LEADER

}
