package cn.resettlement.reporting.document;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.resettlement.reporting.profile.UnitProfile;

import static org.assertj.core.api.Assertions.assertThat;

class ReportTextTests {

	@Test
	void countsOfPeopleAreWrittenAsTheSeedWritesThem() {
		assertThat(ReportText.people(46_193)).isEqualTo("4.6万多人");
		assertThat(ReportText.people(46_000)).isEqualTo("4.6万人");
		assertThat(ReportText.people(120_500)).isEqualTo("12万多人");
		assertThat(ReportText.people(9_999)).isEqualTo("9999人");
	}

	@Test
	void amountsArePrintedInWanYuan() {
		assertThat(ReportText.wan(new java.math.BigDecimal("19842000.00"))).isEqualTo("1984.2");
		assertThat(ReportText.wan(new java.math.BigDecimal("97020600.00"))).isEqualTo("9702.06");
		assertThat(ReportText.wan(new java.math.BigDecimal("80000"))).isEqualTo("8");
	}

	@Test
	void smallNumbersAndListsReadAsChinese() {
		assertThat(ReportText.count(2)).isEqualTo("两");
		assertThat(ReportText.count(3)).isEqualTo("三");
		assertThat(ReportText.count(12)).isEqualTo("12");
		assertThat(ReportText.numeral(5)).isEqualTo("五");
		assertThat(ReportText.numeral(11)).isEqualTo("十一");
		assertThat(ReportText.numeral(23)).isEqualTo("二十三");
		assertThat(ReportText.joinAnd(List.of("宅基地", "道路建设", "落户难"))).isEqualTo("宅基地、道路建设和落户难");
	}

	@Test
	void theProfileParagraphIsComposedFromTheProfile() {
		UnitProfile profile = new UnitProfile("某中心", "我县", null, "我中心是2019年设立的", List.of("负责直补资金发放；", "负责移民培训工作。"), 16,
				List.of("综合部", "财务部"),
				List.of(new UnitProfile.Budget(2024, new java.math.BigDecimal("51165900"), "含基金", null, null)),
				"中心出台了财务管理制度。", List.of(), Map.of());
		assertThat(ReportText.profileParagraph(profile, 2024)).isEqualTo("我中心是2019年设立的，主要职责：（一）负责直补资金发放；（二）负责移民培训工作。"
				+ "共有编制16人，内设机构包括2个部室，即：综合部、财务部。2024年度财政拨款收、支总计5116.59万元（含基金）。中心出台了财务管理制度。");
		assertThat(ReportText.profileParagraph(profile, 2023)).doesNotContain("财政拨款");
	}

}
