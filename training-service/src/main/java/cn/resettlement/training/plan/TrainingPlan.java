package cn.resettlement.training.plan;

import java.util.List;

import cn.resettlement.training.trainingclass.TrainingCategory;

/**
 * 年度培训计划 — what a year's training should achieve, per category.
 *
 * @param year the year
 * @param categories planned classes and person-times per category
 * @param version optimistic-locking version
 */
record TrainingPlan(int year, List<Item> categories, long version) {

	/**
	 * @param category category
	 * @param plannedClasses classes (期) planned
	 * @param plannedPersonTimes person-times (人次) planned
	 */
	record Item(TrainingCategory category, int plannedClasses, int plannedPersonTimes) {
	}

}
