package cn.resettlement.project.allocation;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class AllocationCategoryTests {

	@ParameterizedTest
	@CsvSource({ "第一批到县资金, FIRST_BATCH", "2022年600元内, WITHIN_600", "重点移民村建设专项, KEY_VILLAGE",
			"突出问题处理一批, PROMINENT_ISSUES", "突出问题处理二批, PROMINENT_ISSUES", "三峡后续工作, THREE_GORGES", "困难移民扶助金, HARDSHIP_AID",
			"突出问题项目资金, PROMINENT_ISSUE_PROJECTS", "HARDSHIP_AID, HARDSHIP_AID", "其他, OTHER" })
	void readsTheNamesOfTheSeedsAllocationList(String text, AllocationCategory expected) {
		assertThat(AllocationCategory.parse(text)).contains(expected);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "  ", "direct subsidy", "hardship_aid" })
	void refusesWhatItDoesNotKnow(String text) {
		assertThat(AllocationCategory.parse(text)).isEmpty();
	}

}
