package cn.resettlement.reporting.document;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.List;

import org.apache.poi.xwpf.usermodel.LineSpacingRule;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.TableWidthType;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;

/**
 * The report as a Word document (Apache POI XWPF) in the usual layout of a government
 * report: A4, 仿宋 body with two-character first-line indent, 黑体 headings. A DOCX relies on
 * the reader's fonts; the names used are the ones every Chinese Word installation has.
 */
final class DocxDocument {

	private static final String BODY_FONT = "仿宋";

	private static final String HEADING_FONT = "黑体";

	private static final String TITLE_FONT = "宋体";

	private DocxDocument() {
	}

	static byte[] render(List<Block> blocks) {
		try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			page(doc);
			for (Block block : blocks) {
				if (block instanceof Block.Title t) {
					XWPFParagraph p = doc.createParagraph();
					p.setAlignment(ParagraphAlignment.CENTER);
					p.setSpacingAfter(400);
					run(p, t.text(), TITLE_FONT, 22, true);
				}
				else if (block instanceof Block.Heading h) {
					XWPFParagraph p = doc.createParagraph();
					p.setIndentationFirstLine(640);
					p.setSpacingBetween(28, LineSpacingRule.EXACT);
					run(p, h.text(), HEADING_FONT, 16, false);
				}
				else if (block instanceof Block.Paragraph para) {
					XWPFParagraph p = doc.createParagraph();
					p.setIndentationFirstLine(640);
					p.setSpacingBetween(28, LineSpacingRule.EXACT);
					p.setAlignment(ParagraphAlignment.BOTH);
					run(p, para.text(), BODY_FONT, 16, false);
				}
				else if (block instanceof Block.Plain plain) {
					XWPFParagraph p = doc.createParagraph();
					p.setSpacingBetween(28, LineSpacingRule.EXACT);
					run(p, plain.text(), BODY_FONT, 16, false);
				}
				else if (block instanceof Block.Note n) {
					XWPFParagraph p = doc.createParagraph();
					p.setSpacingBefore(200);
					run(p, n.text(), BODY_FONT, 10, false);
				}
				else if (block instanceof Block.Table t) {
					table(doc, t);
				}
			}
			doc.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void page(XWPFDocument doc) {
		CTSectPr section = doc.getDocument().getBody().addNewSectPr();
		CTPageSz size = section.addNewPgSz();
		size.setW(BigInteger.valueOf(11906));
		size.setH(BigInteger.valueOf(16838));
		CTPageMar margins = section.addNewPgMar();
		margins.setTop(BigInteger.valueOf(2098));
		margins.setBottom(BigInteger.valueOf(1984));
		margins.setLeft(BigInteger.valueOf(1588));
		margins.setRight(BigInteger.valueOf(1474));
	}

	private static void table(XWPFDocument doc, Block.Table t) {
		XWPFTable table = doc.createTable(t.rows().size() + 1, t.header().size());
		table.setWidthType(TableWidthType.PCT);
		table.setWidth("100%");
		fill(table.getRow(0), t.header(), true);
		for (int r = 0; r < t.rows().size(); r++) {
			fill(table.getRow(r + 1), t.rows().get(r), false);
		}
		doc.createParagraph();
	}

	private static void fill(XWPFTableRow row, List<String> cells, boolean header) {
		for (int c = 0; c < cells.size(); c++) {
			XWPFTableCell cell = row.getCell(c);
			XWPFParagraph p = cell.getParagraphs().get(0);
			run(p, cells.get(c), header ? HEADING_FONT : BODY_FONT, 10, header);
		}
	}

	private static void run(XWPFParagraph paragraph, String text, String font, int size, boolean bold) {
		XWPFRun run = paragraph.createRun();
		run.setText(text);
		run.setFontSize(size);
		run.setBold(bold);
		run.setFontFamily("Times New Roman", XWPFRun.FontCharRange.ascii);
		run.setFontFamily("Times New Roman", XWPFRun.FontCharRange.hAnsi);
		run.setFontFamily(font, XWPFRun.FontCharRange.eastAsia);
	}

}
