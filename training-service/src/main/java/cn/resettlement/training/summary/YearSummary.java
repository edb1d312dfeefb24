package cn.resettlement.training.summary;

import java.math.BigDecimal;
import java.util.Map;

/**
 * The training figures of a year as the annual report states them (money in yuan).
 * Counting rules (domain.md): classes and persons are the completed classes ending in the
 * year and their completed trainees; funds are the disbursements to the year's classes;
 * person-times are those persons plus the year's vocational subsidies.
 *
 * @param year the year
 * @param personTimes completed trainees of the year's classes plus vocational grants
 * @param byCategory classes, persons and funds per category, with VOCATIONAL for the
 * vocational-education subsidy (classes 0, persons = grants, funds = amount)
 * @param vocational the vocational-education subsidy in detail
 * @param plan planned against actual per class category, when a plan was set
 */
record YearSummary(int year, long personTimes, Map<String, CategoryFigures> byCategory, Vocational vocational,
		Map<String, PlanProgress> plan) {

	/**
	 * @param classes completed classes (期)
	 * @param persons trainees who completed them (人)
	 * @param funds funds disbursed, yuan
	 */
	record CategoryFigures(long classes, long persons, BigDecimal funds) {
	}

	/**
	 * @param students distinct students
	 * @param grants grants (one person-time each)
	 * @param lateClaims grants for earlier academic years (往年漏报)
	 * @param amount yuan
	 */
	record Vocational(long students, long grants, long lateClaims, BigDecimal amount) {
	}

	/**
	 * @param plannedClasses classes planned
	 * @param plannedPersonTimes person-times planned
	 * @param classes classes completed
	 * @param personTimes persons completed
	 */
	record PlanProgress(long plannedClasses, long plannedPersonTimes, long classes, long personTimes) {
	}

}
