package cn.resettlement.population.migrant;

/** Cohort of a migrant, decided by the household's relocation date. */
public enum MigrantCategory {

	/** 原迁移民: relocated on or before 2006-06-30 (a fixed roster). */
	ORIGINAL,
	/** 新增/新迁: relocated on or after 2006-07-01. */
	NEW

}
