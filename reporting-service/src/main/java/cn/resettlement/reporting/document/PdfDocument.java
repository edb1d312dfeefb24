package cn.resettlement.reporting.document;

import java.io.ByteArrayOutputStream;
import java.util.List;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfWriter;

/**
 * The report as PDF (OpenPDF): A4, the CJK font embedded as a subset (so the file shows
 * Chinese on any reader), page numbers at the foot.
 */
final class PdfDocument {

	private PdfDocument() {
	}

	static byte[] render(List<Block> blocks, BaseFont font, String title) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		Document document = new Document(PageSize.A4, 72, 68, 72, 64);
		PdfWriter writer = PdfWriter.getInstance(document, out);
		writer.setPageEvent(new PageNumbers(font));
		document.addTitle(title);
		document.addCreator("reporting-service");
		document.open();
		Font body = new Font(font, 12);
		Font heading = new Font(font, 14);
		Font small = new Font(font, 8.5f);
		for (Block block : blocks) {
			if (block instanceof Block.Title t) {
				Paragraph p = new Paragraph(chunk(t.text(), new Font(font, 18)));
				p.setAlignment(Element.ALIGN_CENTER);
				p.setSpacingAfter(18);
				document.add(p);
			}
			else if (block instanceof Block.Heading h) {
				Paragraph p = new Paragraph(chunk(h.text(), heading));
				p.setFirstLineIndent(24);
				p.setSpacingBefore(10);
				p.setSpacingAfter(4);
				document.add(p);
			}
			else if (block instanceof Block.Paragraph para) {
				Paragraph p = new Paragraph(21, chunk(para.text(), body));
				p.setFirstLineIndent(24);
				p.setAlignment(Element.ALIGN_JUSTIFIED);
				p.setSpacingAfter(3);
				document.add(p);
			}
			else if (block instanceof Block.Plain plain) {
				document.add(new Paragraph(21, chunk(plain.text(), body)));
			}
			else if (block instanceof Block.Note n) {
				Paragraph p = new Paragraph(13, chunk(n.text(), small));
				p.setSpacingBefore(8);
				document.add(p);
			}
			else if (block instanceof Block.Table t) {
				document.add(table(t, new Font(font, 8)));
			}
		}
		document.close();
		return out.toByteArray();
	}

	private static PdfPTable table(Block.Table t, Font font) {
		PdfPTable table = new PdfPTable(t.header().size());
		table.setWidthPercentage(100);
		table.setSpacingBefore(6);
		table.setSpacingAfter(6);
		table.setHeaderRows(1);
		if (t.header().size() == 9) {
			table.setWidths(new float[] { 6, 7, 11, 5, 8, 8, 5, 5, 20 });
		}
		for (String h : t.header()) {
			PdfPCell cell = new PdfPCell(new Phrase(chunk(h, font)));
			cell.setGrayFill(0.9f);
			cell.setPadding(3);
			table.addCell(cell);
		}
		for (List<String> row : t.rows()) {
			for (String c : row) {
				PdfPCell cell = new PdfPCell(new Phrase(chunk(c, font)));
				cell.setPadding(3);
				table.addCell(cell);
			}
		}
		return table;
	}

	/** Text that breaks lines by the rules of Chinese typesetting. */
	private static Chunk chunk(String text, Font font) {
		Chunk chunk = new Chunk(text, font);
		chunk.setSplitCharacter(CjkLineBreaks.INSTANCE);
		return chunk;
	}

	/** "第 n 页" at the foot of every page. */
	private static final class PageNumbers extends PdfPageEventHelper {

		private final BaseFont font;

		PageNumbers(BaseFont font) {
			this.font = font;
		}

		@Override
		public void onEndPage(PdfWriter writer, Document document) {
			var canvas = writer.getDirectContent();
			canvas.beginText();
			canvas.setFontAndSize(this.font, 9);
			canvas.showTextAligned(Element.ALIGN_CENTER, "第 " + writer.getPageNumber() + " 页",
					(document.left() + document.right()) / 2, document.bottom() - 24, 0);
			canvas.endText();
		}

	}

}
