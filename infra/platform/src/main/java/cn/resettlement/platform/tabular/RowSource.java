package cn.resettlement.platform.tabular;

import java.io.IOException;
import java.util.List;

/**
 * Rows of an uploaded roster, header first; each call to the consumer is one spreadsheet
 * row.
 */
public interface RowSource {

	/**
	 * Streams the rows.
	 * @param rows receives the 1-based spreadsheet row number and the cell values
	 */
	void read(RowConsumer rows) throws IOException;

	@FunctionalInterface
	interface RowConsumer {

		void accept(long rowNumber, List<String> cells);

	}

}
