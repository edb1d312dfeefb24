package cn.resettlement.training.trainingclass;

/** OPEN → COMPLETED (结业), or CANCELLED. */
public enum ClassStatus {

	OPEN, COMPLETED, CANCELLED

}
