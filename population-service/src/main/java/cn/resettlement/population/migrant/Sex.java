package cn.resettlement.population.migrant;

/** Sex as encoded in the ID number: odd sequence digit for men. */
public enum Sex {

	MALE, FEMALE

}
