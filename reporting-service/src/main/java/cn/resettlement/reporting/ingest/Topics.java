package cn.resettlement.reporting.ingest;

import java.util.List;

/** The five context topics reporting reads, every one from the beginning. */
public final class Topics {

	public static final String POPULATION = "resettlement.population.v1";

	public static final String SUBSIDY = "resettlement.subsidy.v1";

	public static final String PROJECT = "resettlement.project.v1";

	public static final String TRAINING = "resettlement.training.v1";

	public static final String PETITION = "resettlement.petition.v1";

	public static final List<String> ALL = List.of(POPULATION, SUBSIDY, PROJECT, TRAINING, PETITION);

	private Topics() {
	}

}
