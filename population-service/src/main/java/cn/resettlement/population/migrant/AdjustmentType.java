package cn.resettlement.population.migrant;

/** 动态调整 — the kinds of change to a migrant's status. */
public enum AdjustmentType {

	/** 补录: a late registration, or adding back a removed person. */
	ADDITION(MigrantStatus.ACTIVE),
	/** 死亡核减. */
	DEATH(MigrantStatus.REMOVED),
	/** 迁出核减. */
	MOVED_OUT(MigrantStatus.REMOVED),
	/** 重复登记核减. */
	DUPLICATE(MigrantStatus.REMOVED),
	/** 不符合条件核减. */
	DISQUALIFIED(MigrantStatus.REMOVED),
	/** 恢复: undoes a removal. */
	REINSTATED(MigrantStatus.ACTIVE);

	private final MigrantStatus result;

	AdjustmentType(MigrantStatus result) {
		this.result = result;
	}

	public MigrantStatus result() {
		return this.result;
	}

	public boolean removes() {
		return this.result == MigrantStatus.REMOVED;
	}

}
