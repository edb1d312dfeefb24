package cn.resettlement.subsidy.bankfile;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import javax.sql.DataSource;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormat;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import cn.resettlement.platform.web.Money;
import cn.resettlement.subsidy.batch.Batch;
import cn.resettlement.subsidy.files.SpreadsheetSafety;

/**
 * Writes the bank file of a batch for the 一卡通 system, streamed from a database cursor
 * straight to the response: line reference, ID number, name, card account, amount (yuan).
 * The only place where card accounts leave the service unmasked.
 */
@Component
class BankFileWriter {

	static final String[] HEADER = { "参考号", "身份证号码", "姓名", "一卡通账号", "金额" };

	private static final String SELECT = """
			select line_no, id_number, name, card_account, amount_fen from subsidy_line
			where batch_id = ? order by line_no""";

	private final JdbcTemplate cursor;

	private final TransactionTemplate transactions;

	BankFileWriter(DataSource dataSource, TransactionTemplate transactions) {
		this.cursor = new JdbcTemplate(dataSource);
		this.cursor.setFetchSize(10_000);
		this.transactions = transactions;
	}

	/**
	 * CSV with a header row; UTF-8 with a byte-order mark (so Excel recognises it) or
	 * GB18030.
	 */
	void csv(Batch batch, Charset charset, OutputStream out) throws IOException {
		if (charset.equals(StandardCharsets.UTF_8)) {
			out.write(new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF });
		}
		Writer writer = new BufferedWriter(new OutputStreamWriter(out, charset), 1 << 16);
		CsvWriter csv = CsvWriter.builder().lineDelimiter(LineDelimiter.CRLF).build(writer);
		csv.writeRecord(HEADER);
		stream(batch.id(), (lineNo, idNumber, name, card, amountFen) -> csv.writeRecord(batch.lineRef(lineNo), idNumber,
				SpreadsheetSafety.text(name), card, Money.toYuan(amountFen).toPlainString()));
		csv.flush();
		writer.flush();
	}

	/**
	 * XLSX, streamed (a window of rows in memory): text cells for ID numbers and card
	 * accounts so no digit is lost, a numeric amount cell.
	 */
	void xlsx(Batch batch, OutputStream out) throws IOException {
		SXSSFWorkbook workbook = new SXSSFWorkbook(200);
		workbook.setCompressTempFiles(false);
		try {
			Sheet sheet = workbook.createSheet("发放明细");
			DataFormat formats = workbook.createDataFormat();
			CellStyle text = workbook.createCellStyle();
			text.setDataFormat(formats.getFormat("@"));
			CellStyle money = workbook.createCellStyle();
			money.setDataFormat(formats.getFormat("0.00"));
			Row header = sheet.createRow(0);
			for (int i = 0; i < HEADER.length; i++) {
				header.createCell(i).setCellValue(HEADER[i]);
			}
			int[] rowIndex = { 1 };
			stream(batch.id(), (lineNo, idNumber, name, card, amountFen) -> {
				Row row = sheet.createRow(rowIndex[0]++);
				textCell(row, 0, batch.lineRef(lineNo), text);
				textCell(row, 1, idNumber, text);
				textCell(row, 2, name, text);
				textCell(row, 3, card, text);
				Cell amount = row.createCell(4);
				amount.setCellValue(amountFen / 100.0);
				amount.setCellStyle(money);
			});
			workbook.write(out);
		}
		finally {
			workbook.close();
		}
	}

	private static void textCell(Row row, int column, String value, CellStyle style) {
		Cell cell = row.createCell(column);
		cell.setCellValue(value);
		cell.setCellStyle(style);
	}

	private void stream(UUID batchId, LineSink sink) {
		this.transactions.executeWithoutResult((status) -> this.cursor.query(SELECT, (rs) -> {
			try {
				sink.accept(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}, batchId));
	}

	@FunctionalInterface
	private interface LineSink {

		void accept(int lineNo, String idNumber, String name, String cardAccount, long amountFen) throws IOException;

	}

}
