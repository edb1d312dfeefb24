package cn.resettlement.platform.tabular;

/**
 * The file as a whole cannot be read (no header, missing columns, not a workbook): the
 * job fails with this message.
 */
public class TabularFileException extends RuntimeException {

	public TabularFileException(String message) {
		super(message);
	}

	public TabularFileException(String message, Throwable cause) {
		super(message, cause);
	}

}
