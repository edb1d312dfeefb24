package cn.resettlement.petition.ledger;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import org.springframework.stereotype.Component;

import cn.resettlement.petition.cases.Category;
import cn.resettlement.petition.cases.Channel;
import cn.resettlement.petition.cases.DeadlineKind;
import cn.resettlement.petition.cases.PetitionStatus;
import cn.resettlement.petition.cases.Satisfaction;
import cn.resettlement.petition.cases.Source;

/**
 * Writes the ledger (信访台账) as an XLSX workbook with POI's streaming SXSSF: only a window
 * of rows is in memory, the rest goes to a temporary file until the workbook is written
 * out. Headers and codes are in Chinese, as staff file it; ID numbers are masked.
 */
@Component
class LedgerExport {

	/** Rows SXSSF keeps in memory; older rows are flushed to disk. */
	private static final int WINDOW = 200;

	static final List<String> HEADERS = List.of("序号", "编号", "登记日期", "信访形式", "来源", "转送/交办机关", "来文编号", "人次", "集体访",
			"乡镇代码", "类别", "信访人", "主要诉求", "状态", "受理期限", "受理日期", "不予受理日期", "答复期限", "延期天数", "答复日期", "办结日期", "满意度", "承办人",
			"包案领导", "当前期限", "当前期限截止", "是否超期", "超期次数");

	private static final Map<Channel, String> CHANNELS = Map.of(Channel.VISIT, "来访", Channel.LETTER, "来信",
			Channel.PHONE, "电话", Channel.ONLINE, "网上");

	private static final Map<Source, String> SOURCES = Map.of(Source.OWN, "本级受理", Source.TRANSFERRED, "转送",
			Source.ASSIGNED, "交办");

	private static final Map<Category, String> CATEGORIES = Map.of(Category.HOMESTEAD, "宅基地", Category.LIVELIHOOD,
			"生产生活困难", Category.ROAD, "道路建设", Category.HOUSEHOLD_REGISTRATION, "落户", Category.SUBSIDY, "后扶直补",
			Category.OTHER, "其他");

	private static final Map<PetitionStatus, String> STATUSES = Map.of(PetitionStatus.REGISTERED, "已登记",
			PetitionStatus.ACCEPTED, "已受理", PetitionStatus.REJECTED, "不予受理", PetitionStatus.REPLIED, "已答复",
			PetitionStatus.CLOSED, "已办结", PetitionStatus.REVIEW_REQUESTED, "复查中", PetitionStatus.REVIEWED, "已复查",
			PetitionStatus.RE_REVIEW_REQUESTED, "复核中", PetitionStatus.RE_REVIEWED, "已复核");

	private static final Map<Satisfaction, String> SATISFACTION = Map.of(Satisfaction.SATISFIED, "满意",
			Satisfaction.BASICALLY_SATISFIED, "基本满意", Satisfaction.DISSATISFIED, "不满意");

	private static final Map<DeadlineKind, String> DEADLINES = Map.of(DeadlineKind.ACCEPTANCE, "受理", DeadlineKind.REPLY,
			"答复", DeadlineKind.REVIEW, "复查", DeadlineKind.RE_REVIEW, "复核");

	private final Ledger ledger;

	LedgerExport(Ledger ledger) {
		this.ledger = ledger;
	}

	/** Writes the ledger entries of the filter to {@code out}. */
	void write(LedgerFilter filter, LocalDate today, OutputStream out) throws IOException {
		try (SXSSFWorkbook workbook = new SXSSFWorkbook(WINDOW)) {
			SXSSFSheet sheet = workbook.createSheet("信访台账");
			CellStyle date = workbook.createCellStyle();
			date.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
			CellStyle bold = workbook.createCellStyle();
			Font font = workbook.createFont();
			font.setBold(true);
			bold.setFont(font);
			Row header = sheet.createRow(0);
			for (int i = 0; i < HEADERS.size(); i++) {
				header.createCell(i).setCellValue(HEADERS.get(i));
				header.getCell(i).setCellStyle(bold);
			}
			sheet.createFreezePane(0, 1);
			int[] next = { 1 };
			this.ledger.forEach(filter, today, (entry) -> {
				Cells row = new Cells(sheet.createRow(next[0]), date);
				row.number(next[0]);
				row.text(entry.caseNo());
				row.date(entry.receivedOn());
				row.text(CHANNELS.get(entry.channel()));
				row.text(SOURCES.get(entry.source()));
				row.text(entry.sourceBody());
				row.text(entry.sourceReference());
				row.number(entry.personCount());
				row.text(entry.collective() ? "是" : "否");
				row.text(entry.townshipCode());
				row.text(CATEGORIES.get(entry.category()));
				row.text(petitioners(entry));
				row.text(entry.summary());
				row.text(STATUSES.get(entry.status()));
				row.date(entry.acceptDue());
				row.date(entry.acceptedOn());
				row.date(entry.rejectedOn());
				row.date(entry.replyDue());
				row.number(entry.extensionDays());
				row.date(entry.repliedOn());
				row.date(entry.closedOn());
				row.text(label(SATISFACTION, entry.satisfaction()));
				row.text(entry.handler());
				row.text(entry.responsibleLeader());
				row.text(label(DEADLINES, entry.currentDeadline()));
				row.date(entry.currentDue());
				row.text(entry.overdue() ? "是" : "否");
				row.number(entry.missedDeadlines());
				next[0]++;
			});
			workbook.write(out);
		}
	}

	private static String petitioners(LedgerEntry entry) {
		if (entry.petitioners().isEmpty()) {
			return "匿名";
		}
		return entry.petitioners()
			.stream()
			.map((n) -> (n.idNumber() != null) ? n.name() + "（" + n.idNumber() + "）" : n.name())
			.collect(Collectors.joining("、"));
	}

	private static <E extends Enum<E>> String label(Map<E, String> labels, E value) {
		return (value != null) ? labels.get(value) : null;
	}

	/**
	 * Appends cells to a row from left to right; an empty value leaves its cell blank.
	 */
	private static final class Cells {

		private final Row row;

		private final CellStyle dateStyle;

		private int column;

		Cells(Row row, CellStyle dateStyle) {
			this.row = row;
			this.dateStyle = dateStyle;
		}

		void text(String value) {
			put(value, (cell) -> cell.setCellValue(value));
		}

		void number(Integer value) {
			put(value, (cell) -> cell.setCellValue(value));
		}

		void date(LocalDate value) {
			put(value, (cell) -> {
				cell.setCellValue(value);
				cell.setCellStyle(this.dateStyle);
			});
		}

		private void put(Object value, Consumer<Cell> setter) {
			int index = this.column++;
			if (value != null) {
				setter.accept(this.row.createCell(index));
			}
		}

	}

}
