package cn.resettlement.platform.tabular;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.ParserConfigurationException;

import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * The first sheet of an XLSX roster, streamed with POI's SAX reader (constant memory for
 * a million rows). Date cells are read as ISO dates whatever their display format.
 */
public final class XlsxRows implements RowSource {

	private final Path file;

	public XlsxRows(Path file) {
		this.file = file;
	}

	@Override
	public void read(RowConsumer rows) throws IOException {
		try (OPCPackage pkg = OPCPackage.open(this.file.toFile(), PackageAccess.READ)) {
			XSSFReader reader = new XSSFReader(pkg);
			StylesTable styles = reader.getStylesTable();
			ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg);
			XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
			if (!sheets.hasNext()) {
				throw new IOException("The workbook has no sheet");
			}
			try (InputStream sheet = sheets.next()) {
				XMLReader parser = XMLHelper.newXMLReader();
				parser.setContentHandler(
						new XSSFSheetXMLHandler(styles, null, strings, new Handler(rows), new IsoDates(), false));
				parser.parse(new InputSource(sheet));
			}
		}
		catch (TabularFileException ex) {
			throw ex;
		}
		catch (ConsumerFailure ex) {
			throw (RuntimeException) ex.getCause();
		}
		catch (OpenXML4JException | SAXException | ParserConfigurationException | RuntimeException ex) {
			throw new TabularFileException("The file is not a readable XLSX workbook.", ex);
		}
	}

	/**
	 * Carries the consumer's own exception (a rejected header, a failed copy) through the
	 * parser, so it is not mistaken for an unreadable workbook.
	 */
	private static final class ConsumerFailure extends RuntimeException {

		ConsumerFailure(RuntimeException cause) {
			super(cause);
		}

	}

	private static final class Handler implements XSSFSheetXMLHandler.SheetContentsHandler {

		private final RowConsumer rows;

		private final List<String> cells = new ArrayList<>();

		private int rowNumber;

		Handler(RowConsumer rows) {
			this.rows = rows;
		}

		@Override
		public void startRow(int rowNum) {
			this.rowNumber = rowNum;
			this.cells.clear();
		}

		@Override
		public void endRow(int rowNum) {
			if (this.cells.stream().anyMatch((c) -> c != null && !c.isBlank())) {
				try {
					this.rows.accept(rowNum + 1L,
							List.copyOf(this.cells.stream().map((c) -> (c == null) ? "" : c).toList()));
				}
				catch (RuntimeException ex) {
					throw new ConsumerFailure(ex);
				}
			}
		}

		@Override
		public void cell(String reference, String value, XSSFComment comment) {
			int column = (reference != null) ? new CellReference(reference).getCol() : this.cells.size();
			while (this.cells.size() < column) {
				this.cells.add("");
			}
			this.cells.add(value);
		}

	}

	/**
	 * Formats date-formatted numeric cells as YYYY-MM-DD and plain numbers without
	 * grouping.
	 */
	private static final class IsoDates extends DataFormatter {

		@Override
		public String formatRawCellContents(double value, int formatIndex, String formatString) {
			if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
				LocalDate date = DateUtil.getLocalDateTime(value).toLocalDate();
				return date.format(DateTimeFormatter.ISO_LOCAL_DATE);
			}
			if (value == Math.rint(value) && Math.abs(value) < 1e15) {
				return String.valueOf((long) value);
			}
			return super.formatRawCellContents(value, formatIndex, formatString);
		}

	}

}
