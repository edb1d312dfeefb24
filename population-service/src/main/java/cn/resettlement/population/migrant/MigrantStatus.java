package cn.resettlement.population.migrant;

/** Whether a migrant is on the register today. */
public enum MigrantStatus {

	ACTIVE, REMOVED

}
