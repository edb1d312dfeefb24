package cn.resettlement.platform.jobs;

/** What a running job reports: its size, progress, rejected items and result. */
public interface JobContext {

	void total(long total);

	/** Adds to the processed count; progress is saved at most once a second. */
	void advance(long items);

	/**
	 * Records a rejected item (the first 1,000 are kept with their reasons, all are
	 * counted).
	 */
	void error(Long row, String field, String message);

	long errorCount();

	/** Sets what the job produced; it is saved when the job ends. */
	void result(Object result);

}
