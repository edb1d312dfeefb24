package cn.resettlement.project.imports;

import java.util.List;

/** Columns of an allocation list (资金计划下达表). */
enum AllocationColumns implements Column {

	YEAR("year", "年度", "年份", "计划年度"), CATEGORY("category", "资金类别", "类别", "资金名称"),
	DOCUMENT_NO("documentNo", "文号", "下达文号", "文件号"), TITLE("title", "标题", "文件标题", "资金计划名称"),
	AMOUNT("amount", "金额(元)", "下达金额(元)", "金额"), AMOUNT_WAN_YUAN("amountWanYuan", "金额(万元)", "下达金额(万元)"),
	ISSUED_ON("issuedOn", "下达日期", "发文日期", "日期");

	private final List<String> headers;

	AllocationColumns(String... headers) {
		this.headers = List.of(headers);
	}

	@Override
	public String field() {
		return this.headers.get(0);
	}

	@Override
	public List<String> headers() {
		return this.headers;
	}

}
