package cn.resettlement.training.enrollment;

/**
 * ENROLLED while the class runs; COMPLETED (结业) when the trainee finished it; a trainee
 * not completed when the class completes is NOT_COMPLETED.
 */
public enum EnrollmentStatus {

	ENROLLED, COMPLETED, NOT_COMPLETED

}
