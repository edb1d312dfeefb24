package cn.resettlement.training.imports;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import cn.resettlement.platform.tabular.TabularFiles;

/**
 * An uploaded list (CSV or XLSX, told apart by content, not by name), read row by row,
 * header first, with the platform's tabular readers.
 */
public final class ListFile {

	private ListFile() {
	}

	/**
	 * Streams the rows of a list.
	 * @param file the uploaded file
	 * @param rows receives the 1-based row number and the cell values of each non-empty
	 * row
	 * @throws cn.resettlement.platform.tabular.TabularFileException when the file is
	 * unreadable as a whole
	 */
	public static void read(Path file, RowConsumer rows) throws IOException {
		TabularFiles.open(file).read(rows::accept);
	}

	/** Receives one row of a list. */
	@FunctionalInterface
	public interface RowConsumer {

		void accept(long rowNumber, List<String> cells);

	}

}
