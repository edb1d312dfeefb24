package cn.resettlement.subsidy.bulk;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * Streams rows into a table with PostgreSQL {@code COPY ... FROM STDIN (FORMAT csv)} on
 * the connection of the current transaction: the bulk path (no per-row round trip). While
 * a copy is open the connection runs nothing else; {@link #finish()} ends it.
 */
public final class CopyWriter implements AutoCloseable {

	private static final int FLUSH_AT = 1 << 20;

	private final CopyIn copy;

	private final StringBuilder buffer = new StringBuilder(FLUSH_AT + 4096);

	private boolean firstField = true;

	private long rows;

	private CopyWriter(CopyIn copy) {
		this.copy = copy;
	}

	/**
	 * Opens a copy into a table.
	 * @param dataSource the data source whose transaction-bound connection is used
	 * @param table the table and its columns, e.g. {@code gen_line (a, b)}
	 */
	public static CopyWriter open(DataSource dataSource, String table) throws SQLException {
		Connection connection = DataSourceUtils.getConnection(dataSource);
		CopyIn copy = connection.unwrap(PGConnection.class)
			.getCopyAPI()
			.copyIn("copy " + table + " from stdin (format csv)");
		return new CopyWriter(copy);
	}

	/** Appends a field of the current row; {@code null} is SQL NULL. */
	public CopyWriter field(Object value) {
		if (!this.firstField) {
			this.buffer.append(',');
		}
		this.firstField = false;
		if (value != null) {
			String text = value.toString();
			this.buffer.append('"');
			for (int i = 0; i < text.length(); i++) {
				char c = text.charAt(i);
				if (c == '"') {
					this.buffer.append('"');
				}
				this.buffer.append(c);
			}
			this.buffer.append('"');
		}
		return this;
	}

	/** Ends the current row. */
	public void endRow() throws SQLException {
		this.buffer.append('\n');
		this.firstField = true;
		this.rows++;
		if (this.buffer.length() >= FLUSH_AT) {
			flush();
		}
	}

	public long rows() {
		return this.rows;
	}

	private void flush() throws SQLException {
		if (this.buffer.length() > 0) {
			byte[] bytes = this.buffer.toString().getBytes(StandardCharsets.UTF_8);
			this.copy.writeToCopy(bytes, 0, bytes.length);
			this.buffer.setLength(0);
		}
	}

	/** Sends what is left and ends the copy; returns the rows copied. */
	public long finish() throws SQLException {
		flush();
		return this.copy.endCopy();
	}

	/** Cancels an unfinished copy (the transaction is rolled back anyway). */
	@Override
	public void close() throws SQLException {
		if (this.copy.isActive()) {
			this.copy.cancelCopy();
		}
	}

}
