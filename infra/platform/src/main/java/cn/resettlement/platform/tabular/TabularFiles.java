package cn.resettlement.platform.tabular;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Opens an uploaded spreadsheet: XLSX (recognised by its ZIP signature) or CSV (UTF-8 or
 * GB18030). Services that read files add FastCSV and Apache POI to their own pom.
 */
public final class TabularFiles {

	private TabularFiles() {
	}

	public static RowSource open(Path file) throws IOException {
		return isXlsx(file) ? new XlsxRows(file) : new CsvRows(file);
	}

	public static boolean isXlsx(Path file) throws IOException {
		try (InputStream in = Files.newInputStream(file)) {
			byte[] magic = in.readNBytes(4);
			return magic.length == 4 && magic[0] == 'P' && magic[1] == 'K' && magic[2] == 3 && magic[3] == 4;
		}
	}

	/**
	 * Data rows of a CSV file (lines minus the header), for progress; XLSX gives
	 * {@code -1}.
	 */
	public static long estimateRows(Path file) throws IOException {
		if (isXlsx(file)) {
			return -1;
		}
		long lines = 0;
		byte[] buffer = new byte[1 << 16];
		boolean endsWithNewline = true;
		try (InputStream in = Files.newInputStream(file)) {
			int n;
			while ((n = in.read(buffer)) > 0) {
				for (int i = 0; i < n; i++) {
					if (buffer[i] == '\n') {
						lines++;
					}
				}
				endsWithNewline = buffer[n - 1] == '\n';
			}
		}
		return (endsWithNewline ? lines : lines + 1) - 1;
	}

}
