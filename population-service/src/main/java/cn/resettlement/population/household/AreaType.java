package cn.resettlement.population.household;

/** Where a household lives: 库区 (reservoir area) or 安置区 (resettlement area). */
public enum AreaType {

	RESERVOIR_AREA, RESETTLEMENT_AREA

}
