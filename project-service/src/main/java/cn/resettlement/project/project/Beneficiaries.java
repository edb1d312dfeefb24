package cn.resettlement.project.project;

/**
 * Who benefits from a project; for 避险搬迁 also who is relocated.
 *
 * @param households migrant households that benefit
 * @param persons migrants who benefit
 * @param relocatedHouseholds households moved out of the hazard zone (RISK_RELOCATION)
 * @param relocatedPersons persons moved out of the hazard zone (RISK_RELOCATION)
 */
public record Beneficiaries(Integer households, Integer persons, Integer relocatedHouseholds,
		Integer relocatedPersons) {

	public static final Beneficiaries NONE = new Beneficiaries(null, null, null, null);

}
