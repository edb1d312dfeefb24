package cn.resettlement.reporting.document;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import cn.resettlement.platform.web.Money;
import cn.resettlement.reporting.figures.Codes;
import cn.resettlement.reporting.figures.Figures;
import cn.resettlement.reporting.freshness.Freshness;
import cn.resettlement.reporting.indicator.ScoredIndicator;
import cn.resettlement.reporting.profile.Narrative;
import cn.resettlement.reporting.profile.UnitProfile;
import cn.resettlement.reporting.report.LateChange;
import cn.resettlement.reporting.report.ReportData;
import cn.resettlement.reporting.report.ReportView;

/**
 * Writes the report document in the seed's structure: 一、单位基本概况 from the unit profile;
 * 二、单位整体支出绩效状况 with its numbered items, whose sentences with figures are generated from
 * the read models and set between the administrators' paragraphs; 三、 the indicator table
 * with scores. Amounts are printed in 万元 as the seed prints them.
 */
final class ReportText {

	private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");

	private static final Map<String, String> PETITION_THEMES = Map.of("HOMESTEAD", "宅基地", "LIVELIHOOD", "生产生活困难",
			"ROAD", "道路建设", "HOUSEHOLD_REGISTRATION", "落户难", "SUBSIDY", "移民享受后扶直补");

	private static final String[] NUMERALS = { "零", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十" };

	private ReportText() {
	}

	static List<Block> compose(ReportView view) {
		ReportData data = view.data();
		int year = data.year();
		UnitProfile profile = data.profile();
		List<Block> blocks = new ArrayList<>();
		blocks.add(new Block.Title(profile.name() + year + "年整体绩效自评报告"));
		if (present(profile.addressee())) {
			blocks.add(new Block.Plain(profile.addressee() + "："));
		}
		blocks.add(new Block.Paragraph("我中心" + year + "年的单位整体绩效自评报告如下："));
		blocks.add(new Block.Heading("一、单位基本概况"));
		blocks.add(new Block.Paragraph(profileParagraph(profile, year)));
		blocks.add(new Block.Heading("二、单位整体支出绩效状况"));
		blocks.addAll(performanceSection(data));
		blocks.add(new Block.Heading("三、绩效指标完成情况"));
		blocks.add(new Block.Paragraph(year + "年度共设置绩效指标" + data.indicators().size() + "项，总分100分，自评得分"
				+ plain(data.evaluation().totalScore()) + "分，评价等级为“" + data.evaluation().grade() + "”。"));
		blocks.add(indicatorTable(data.indicators()));
		Narrative narrative = data.narrative();
		if (present(narrative.conclusion()) || present(narrative.problems()) || present(narrative.improvements())) {
			blocks.add(new Block.Heading("四、自评结论、存在的问题和改进措施"));
			addLabelled(blocks, "（一）自评结论。", narrative.conclusion());
			addLabelled(blocks, "（二）存在的问题。", narrative.problems());
			addLabelled(blocks, "（三）改进措施。", narrative.improvements());
		}
		if (view.submission() != null) {
			blocks.add(new Block.Note("本报告为" + year + "年度第" + view.submission().version() + "版报送稿，报送日期"
					+ DAY.format(view.submission().closedAt().atZone(ZONE)) + "。"));
			if (view.lateChanges() != null && !view.lateChanges().isEmpty()) {
				blocks.add(new Block.Heading("附：报送后新增数据与报送稿的差异"));
				blocks.add(lateChangeTable(view.lateChanges()));
			}
		}
		blocks.add(new Block.Note(freshnessNote(view.freshness())));
		return blocks;
	}

	// 一、单位基本概况

	static String profileParagraph(UnitProfile profile, int year) {
		StringBuilder text = new StringBuilder();
		if (present(profile.history())) {
			text.append(stripEnd(profile.history()));
		}
		if (!profile.duties().isEmpty()) {
			text.append((text.length() > 0) ? "，" : "").append("主要职责：");
			List<String> duties = new ArrayList<>();
			for (int i = 0; i < profile.duties().size(); i++) {
				duties.add("（" + numeral(i + 1) + "）" + stripEnd(profile.duties().get(i)));
			}
			text.append(String.join("；", duties));
		}
		if (text.length() > 0) {
			text.append("。");
		}
		if (profile.staffing() != null) {
			text.append("共有编制").append(profile.staffing()).append("人");
			text.append(profile.departments().isEmpty() ? "。" : "，");
		}
		if (!profile.departments().isEmpty()) {
			text.append("内设机构包括")
				.append(profile.departments().size())
				.append("个部室，即：")
				.append(String.join("、", profile.departments()))
				.append("。");
		}
		UnitProfile.Budget budget = profile.budget(year);
		if (budget != null && budget.total() != null) {
			text.append(year).append("年度财政拨款收、支总计").append(wan(budget.total())).append("万元");
			if (present(budget.note())) {
				text.append("（").append(budget.note()).append("）");
			}
			text.append("。");
		}
		if (present(profile.managementRules())) {
			text.append(profile.managementRules());
		}
		return text.toString();
	}

	// 二、单位整体支出绩效状况

	private static List<Block> performanceSection(ReportData data) {
		int year = data.year();
		Figures f = data.figures();
		Narrative n = data.narrative();
		UnitProfile profile = data.profile();
		List<Block> blocks = new ArrayList<>();
		blocks.add(new Block.Paragraph(year + "年我中心主要做了以下工作："));
		if (present(n.intro())) {
			blocks.add(new Block.Paragraph(n.intro()));
		}
		List<String> items = new ArrayList<>();
		item(items, n.plan(), "抓好" + year + "年水库移民后期扶持计划编制。", plan(f, year, profile), "");
		item(items, n.information(), "加强移民后扶信息管理。", information(f, year, profile), "");
		item(items, n.keyVillages(), "着力推进库区和移民安置区乡村振兴。", keyVillages(f, profile), "");
		item(items, n.industry(), "持续推动移民产业转型升级。", industry(f, year, profile), "");
		item(items, n.training(), "提升移民培训工作实效。", trainingTotal(f), trainingCategories(f, n));
		item(items, n.petitions(), "多措并举抓好移民信访维稳，维护社会和谐稳定。", population(f, profile), petitions(f));
		for (Narrative.ExtraItem extra : n.extraItems()) {
			items.add(extra.title() + (present(extra.text()) ? extra.text() : ""));
		}
		for (int i = 0; i < items.size(); i++) {
			blocks.add(new Block.Paragraph((i + 1) + "、" + items.get(i)));
		}
		return blocks;
	}

	/**
	 * One numbered item: lead, figures, middle, figures, closing. A text starting with a
	 * comma continues the sentence before it.
	 */
	private static void item(List<String> items, Narrative.ItemText text, String title, String figures,
			String moreFigures) {
		Narrative.ItemText t = (text != null) ? text : new Narrative.ItemText(null, null, null, null);
		StringBuilder body = new StringBuilder();
		for (String part : new String[] { t.lead(), figures, t.middle(), moreFigures, t.closing() }) {
			if (!present(part)) {
				continue;
			}
			if ((part.startsWith("，") || part.startsWith(",")) && body.length() > 0
					&& body.charAt(body.length() - 1) == '。') {
				body.setLength(body.length() - 1);
			}
			body.append(part);
		}
		if (body.length() > 0) {
			items.add((present(t.title()) ? t.title() : title) + body);
		}
	}

	static String plan(Figures f, int year, UnitProfile profile) {
		StringBuilder text = new StringBuilder();
		if (f.funds().allocations() > 0) {
			text.append(year)
				.append("年，上级下达")
				.append(profile.self())
				.append("各类资金计划共计")
				.append(wan(f.funds().allocatedTotal()))
				.append("万元");
			List<Figures.AllocationLine> lines = f.details().allocations();
			if (lines.size() > 1) {
				List<String> parts = new ArrayList<>();
				lines.forEach((l) -> parts.add(l.title() + Money.toWanYuan(l.amountFen()) + "万元"));
				text.append("，其中").append(String.join("、", parts));
			}
			text.append("。");
		}
		Figures.Projects p = f.projects();
		if (p.implemented() > 0) {
			text.append("到").append(year).append("年12月，共实施项目").append(p.implemented()).append("个");
			List<String> highlights = new ArrayList<>();
			highlight(highlights, p, "THREE_GORGES", "三峡后续项目");
			highlight(highlights, p, "KEY_VILLAGE", "重点移民村建设");
			highlight(highlights, p, "RISK_RELOCATION", "避险搬迁项目");
			if (!highlights.isEmpty()) {
				text.append("，其中").append(String.join("，", highlights));
			}
			text.append("。");
			if (p.relocatedPersons() > 0) {
				text.append("完成避险搬迁")
					.append(p.relocatedHouseholds())
					.append("户")
					.append(p.relocatedPersons())
					.append("人。");
			}
			text.append("现已完成投资").append(wan(p.investmentCompleted())).append("万元");
			if (f.funds().allocatedTotal().signum() > 0) {
				// the document rounds the exact ratio to a whole percent (9197 ÷ 9702.06
				// →
				// 95%)
				BigDecimal progress = p.investmentCompleted()
					.multiply(BigDecimal.valueOf(100))
					.divide(f.funds().allocatedTotal(), 0, RoundingMode.HALF_UP);
				text.append("，工程整体进度").append(progress.toPlainString()).append("%");
			}
			text.append("。");
		}
		return text.toString();
	}

	private static void highlight(List<String> highlights, Figures.Projects p, String type, String label) {
		long count = p.byType().getOrDefault(type, 0L);
		if (count > 0) {
			highlights.add(label + count + "个");
		}
	}

	static String information(Figures f, int year, UnitProfile profile) {
		StringBuilder text = new StringBuilder();
		Figures.Subsidy s = f.subsidy();
		if (f.population().adjustedPersons() > 0 || s.overpaymentRecovered().signum() > 0) {
			text.append(year).append("年").append(profile.self());
			if (f.population().adjustedPersons() > 0) {
				text.append("共动态调移民人口").append(f.population().adjustedPersons()).append("人");
			}
			if (s.overpaymentRecovered().signum() > 0) {
				text.append((f.population().adjustedPersons() > 0) ? "，同时" : "")
					.append("追缴多领的移民直补资金")
					.append(wan(s.overpaymentRecovered()))
					.append("万元");
			}
			text.append("。");
		}
		if (s.paidAmount().signum() > 0) {
			text.append("发放").append(year).append("年全年");
			if (s.standardYuan() != null) {
				text.append(plain(s.standardYuan())).append("元到人");
			}
			text.append("直补资金").append(wan(s.paidAmount())).append("万元。");
		}
		return text.toString();
	}

	static String keyVillages(Figures f, UnitProfile profile) {
		List<Figures.KeyVillage> villages = f.details().keyVillages();
		if (villages.isEmpty()) {
			return "";
		}
		List<String> names = new ArrayList<>();
		for (Figures.KeyVillage v : villages) {
			String township = profile.townshipName(v.townshipCode());
			names.add(((township != null) ? township : "") + v.village());
		}
		if (villages.size() == 1) {
			return "着力抓好了" + names.get(0) + "的重点移民村建设专项计划的落实，投入移民后扶专项资金" + Money.toWanYuan(villages.get(0).fundingFen())
					+ "万元。";
		}
		StringBuilder text = new StringBuilder("着力抓好了").append(joinAnd(names))
			.append(count(villages.size()))
			.append("个村的重点移民村建设专项计划的落实。");
		boolean same = villages.stream().map(Figures.KeyVillage::fundingFen).distinct().count() == 1;
		if (same) {
			text.append("每个村投入移民后扶专项资金").append(Money.toWanYuan(villages.get(0).fundingFen())).append("万元。");
		}
		else {
			List<String> amounts = new ArrayList<>();
			villages.forEach((v) -> amounts.add(Money.toWanYuan(v.fundingFen()) + "万元"));
			text.append("分别投入移民后扶专项资金").append(String.join("、", amounts)).append("。");
		}
		return text.toString();
	}

	static String industry(Figures f, int year, UnitProfile profile) {
		StringBuilder text = new StringBuilder();
		for (Figures.AssetLine a : f.details().assets()) {
			String term = profile.incomeTerm(a.asset());
			List<String> parts = new ArrayList<>();
			if (a.previousIncomeFen() > 0) {
				parts.add((year - 1) + "年收取" + term + Money.toWanYuan(a.previousIncomeFen()) + "万元"
						+ ((a.previousDividendsFen() > 0) ? "，并按章进行了分红" : ""));
			}
			else if (a.previousDividendsFen() > 0) {
				parts.add((year - 1) + "年分红" + Money.toWanYuan(a.previousDividendsFen()) + "万元");
			}
			if (a.incomeFen() > 0) {
				parts.add(year + "年收取" + term + Money.toWanYuan(a.incomeFen()) + "万元"
						+ ((a.dividendsFen() > 0) ? "，分红" + Money.toWanYuan(a.dividendsFen()) + "万元" : ""));
			}
			else if (a.dividendsFen() > 0) {
				parts.add(year + "年分红" + Money.toWanYuan(a.dividendsFen()) + "万元");
			}
			if (!parts.isEmpty()) {
				text.append(a.asset()).append("已正常运转，").append(String.join("，", parts)).append("。");
			}
		}
		return text.toString();
	}

	static String trainingTotal(Figures f) {
		if (f.training().personTimes() == 0) {
			return "";
		}
		return "开展多层次、多渠道、多形式的移民培训" + f.training().personTimes() + "人次。";
	}

	static String trainingCategories(Figures f, Narrative n) {
		Map<String, Figures.Training.Category> c = f.training().byCategory();
		List<String> parts = new ArrayList<>();
		Figures.Training.Category agricultural = c.get("AGRICULTURAL");
		if (agricultural.persons() > 0) {
			parts.add("在农业实用技术方面，" + classes(agricultural, n.trainingTopics().get("AGRICULTURAL")) + "，共培训移民学员"
					+ agricultural.persons() + "人" + funds(agricultural));
		}
		Figures.Training.Category employment = c.get("EMPLOYMENT");
		if (employment.persons() > 0) {
			parts.add("在转移就业技能方面，" + classes(employment, n.trainingTopics().get("EMPLOYMENT")) + "，培训学员"
					+ employment.persons() + "人" + funds(employment));
		}
		Figures.Training.Category leader = c.get("LEADER");
		if (leader.persons() > 0) {
			parts.add("致富带头人培训" + leader.persons() + "人" + funds(leader));
		}
		Figures.Training.Category vocational = c.get("VOCATIONAL");
		if (vocational.persons() > 0) {
			parts.add("打卡发放中长期职业教育补助" + ((f.training().lateClaims() > 0) ? "、往年漏报" : "") + vocational.persons() + "人"
					+ funds(vocational));
		}
		return parts.isEmpty() ? "" : String.join("；", parts) + "。";
	}

	private static String classes(Figures.Training.Category category, String topics) {
		return present(topics) ? "分别举办了" + topics + "培训班" + category.classes() + "期"
				: "共举办培训班" + category.classes() + "期";
	}

	private static String funds(Figures.Training.Category category) {
		return (category.funds().signum() > 0) ? "，拨付资金" + wan(category.funds()) + "万元" : "";
	}

	static String population(Figures f, UnitProfile profile) {
		long migrants = f.population().activeMigrants();
		if (migrants <= 0) {
			return "";
		}
		return profile.self() + "移民共计" + people(migrants) + "。";
	}

	static String petitions(Figures f) {
		Figures.Petitions p = f.petitions();
		StringBuilder text = new StringBuilder();
		List<String> themes = new ArrayList<>();
		for (String category : Codes.PETITION_CATEGORIES) {
			if (PETITION_THEMES.containsKey(category) && p.byCategory().getOrDefault(category, 0L) > 0) {
				themes.add(PETITION_THEMES.get(category));
			}
		}
		if (!themes.isEmpty()) {
			text.append("主要反映").append(joinAnd(themes)).append("等问题。");
		}
		if (p.batches() > 0) {
			text.append("今年来中心接待上访共").append(p.batches()).append("批").append(p.personTimes()).append("人次");
			if (p.resolutionRatePercent() != null) {
				text.append("，对反映的问题办结率达")
					.append((p.resolutionRatePercent().compareTo(BigDecimal.valueOf(100)) == 0) ? "百分之百"
							: plain(p.resolutionRatePercent()) + "%");
			}
			text.append("。");
		}
		return text.toString();
	}

	// 三、绩效指标

	private static Block.Table indicatorTable(List<ScoredIndicator> indicators) {
		List<List<String>> rows = new ArrayList<>();
		for (ScoredIndicator i : indicators) {
			String unit = (i.unit() != null) ? i.unit() : "";
			int slash = i.level().indexOf('/');
			rows.add(List.of(i.level().substring(0, slash), i.level().substring(slash + 1), i.name(),
					i.nature().symbol(), plain(i.target()) + unit,
					(i.actual() != null) ? plain(i.actual()) + unit : "—", plain(i.weight()), plain(i.score()),
					(i.deviationNote() != null) ? i.deviationNote() : ""));
		}
		return new Block.Table(List.of("一级指标", "二级指标", "三级指标", "指标性质", "年度指标值", "实际完成值", "分值", "得分", "偏差原因及改进措施"),
				rows);
	}

	private static Block.Table lateChangeTable(List<LateChange> changes) {
		List<List<String>> rows = new ArrayList<>();
		for (LateChange c : changes) {
			rows.add(List.of(c.metric(), (c.submitted() != null) ? plain(c.submitted()) : "—",
					(c.current() != null) ? plain(c.current()) : "—",
					(c.difference() != null) ? signed(c.difference()) : "—"));
		}
		return new Block.Table(List.of("数据项", "报送值", "当前值", "差异"), rows);
	}

	private static void addLabelled(List<Block> blocks, String label, String text) {
		if (present(text)) {
			blocks.add(new Block.Paragraph(label + text));
		}
	}

	static String freshnessNote(Freshness freshness) {
		StringBuilder note = new StringBuilder("数据说明：本报告的数据均由各业务系统发布的事件生成");
		if (freshness.lastEventAt() != null) {
			note.append("，截至").append(TIME.format(freshness.lastEventAt().atZone(ZONE)));
		}
		if (freshness.consumerLag() != null) {
			note.append("，待处理事件").append(freshness.consumerLag()).append("条");
		}
		else {
			note.append("，待处理事件数暂不可知");
		}
		if (freshness.rebuilding()) {
			note.append("；数据正在重建，数字尚不完整");
		}
		return note.append("。").toString();
	}

	// formatting

	/** Yuan in 万元 as the seed prints it (1984.2, 9702.06). */
	static String wan(BigDecimal yuan) {
		return Money.toWanYuan(yuan.movePointRight(2).setScale(0, RoundingMode.HALF_UP).longValueExact());
	}

	/** 46,123 → 4.6万多人; below 10,000 the exact number. */
	static String people(long persons) {
		if (persons < 10_000) {
			return persons + "人";
		}
		BigDecimal tenThousands = BigDecimal.valueOf(persons / 1000).movePointLeft(1);
		return tenThousands.stripTrailingZeros().toPlainString() + "万" + ((persons % 1000 != 0) ? "多人" : "人");
	}

	/** 两, 三 ... for a small count, else digits. */
	static String count(int n) {
		if (n == 2) {
			return "两";
		}
		return (n >= 1 && n <= 10) ? NUMERALS[n] : Integer.toString(n);
	}

	/** 一 to 九十九 for list items （一）（二）. */
	static String numeral(int n) {
		if (n <= 10) {
			return NUMERALS[n];
		}
		if (n < 20) {
			return "十" + NUMERALS[n % 10];
		}
		return NUMERALS[n / 10] + "十" + ((n % 10 != 0) ? NUMERALS[n % 10] : "");
	}

	/** A、B和C. */
	static String joinAnd(List<String> parts) {
		if (parts.size() == 1) {
			return parts.get(0);
		}
		return String.join("、", parts.subList(0, parts.size() - 1)) + "和" + parts.get(parts.size() - 1);
	}

	static String plain(BigDecimal value) {
		return value.stripTrailingZeros().toPlainString();
	}

	private static String signed(BigDecimal value) {
		return ((value.signum() > 0) ? "+" : "") + plain(value);
	}

	private static String stripEnd(String text) {
		String t = text.strip();
		while (!t.isEmpty() && "。；;，,".indexOf(t.charAt(t.length() - 1)) >= 0) {
			t = t.substring(0, t.length() - 1);
		}
		return t;
	}

	private static boolean present(String text) {
		return text != null && !text.isBlank();
	}

}
