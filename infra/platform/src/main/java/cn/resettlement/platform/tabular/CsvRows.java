package cn.resettlement.platform.tabular;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;

/**
 * A CSV roster (FastCSV). Township offices export from Excel, often in GBK: the encoding
 * is UTF-8 when the start of the file decodes as UTF-8 (a BOM is skipped), otherwise
 * GB18030.
 */
public final class CsvRows implements RowSource {

	static final Charset GB18030 = Charset.forName("GB18030");

	private final Path file;

	public CsvRows(Path file) {
		this.file = file;
	}

	@Override
	public void read(RowConsumer rows) throws IOException {
		Charset charset = detect(this.file);
		try (InputStream in = Files.newInputStream(this.file);
				Reader reader = new InputStreamReader(skipBom(in, charset), charset);
				CsvReader<CsvRecord> csv = CsvReader.builder().skipEmptyLines(true).ofCsvRecord(reader)) {
			for (CsvRecord record : csv) {
				rows.accept(record.getStartingLineNumber(), record.getFields());
			}
		}
		catch (CsvParseException ex) {
			throw new TabularFileException("The file is not a readable CSV file: " + ex.getMessage(), ex);
		}
	}

	static Charset detect(Path file) throws IOException {
		byte[] head = new byte[64 * 1024];
		int read;
		try (InputStream in = Files.newInputStream(file)) {
			read = in.readNBytes(head, 0, head.length);
		}
		// a multi-byte character cut at the end of the sample is not an error
		int length = read;
		while (length > 0 && length > read - 3 && (head[length - 1] & 0xC0) == 0x80) {
			length--;
		}
		if (length > 0 && (head[length - 1] & 0xC0) == 0xC0) {
			length--;
		}
		try {
			StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(head, 0, length));
			return StandardCharsets.UTF_8;
		}
		catch (CharacterCodingException ex) {
			return GB18030;
		}
	}

	private static InputStream skipBom(InputStream in, Charset charset) throws IOException {
		if (!charset.equals(StandardCharsets.UTF_8)) {
			return in;
		}
		java.io.PushbackInputStream pushback = new java.io.PushbackInputStream(in, 3);
		byte[] bom = new byte[3];
		int n = pushback.readNBytes(bom, 0, 3);
		if (!(n == 3 && (bom[0] & 0xFF) == 0xEF && (bom[1] & 0xFF) == 0xBB && (bom[2] & 0xFF) == 0xBF)) {
			pushback.unread(bom, 0, n);
		}
		return pushback;
	}

}
