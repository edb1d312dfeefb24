package cn.resettlement.subsidy.batch;

/**
 * Regular batches come from the roster; supplementary ones re-issue failed lines (补发).
 */
public enum BatchKind {

	REGULAR, SUPPLEMENTARY

}
