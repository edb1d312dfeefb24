package cn.resettlement.project.imports;

import java.util.List;

/** Columns of a project list (项目计划表); one optional funding line per project. */
enum ProjectColumns implements Column {

	CODE("code", "项目编码", "项目编号", "项目代码"), NAME("name", "项目名称"), TYPE("type", "项目类型", "类型"),
	TOWNSHIP_CODE("townshipCode", "乡镇代码", "乡镇编码"), VILLAGE("village", "村", "村名", "村(居委会)", "实施村"),
	YEAR("year", "年度", "计划年度"), BUDGET("budget", "概算(元)", "预算(元)", "总投资(元)"),
	BUDGET_WAN_YUAN("budgetWanYuan", "概算(万元)", "预算(万元)", "总投资(万元)"),
	IMPLEMENTING_UNIT("implementingUnit", "实施单位", "项目实施单位"),
	BENEFICIARY_HOUSEHOLDS("beneficiaryHouseholds", "受益户数", "受益移民户数"),
	BENEFICIARY_PERSONS("beneficiaryPersons", "受益人数", "受益移民人数"), RELOCATED_HOUSEHOLDS("relocatedHouseholds", "搬迁户数"),
	RELOCATED_PERSONS("relocatedPersons", "搬迁人数"), ALLOCATION_DOCUMENT_NO("allocationDocumentNo", "资金文号", "下达文号"),
	ALLOCATION_CATEGORY("allocationCategory", "资金类别"), FUNDING("fundingAmount", "安排资金(元)", "资金(元)"),
	FUNDING_WAN_YUAN("fundingAmountWanYuan", "安排资金(万元)", "资金(万元)");

	private final List<String> headers;

	ProjectColumns(String... headers) {
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
