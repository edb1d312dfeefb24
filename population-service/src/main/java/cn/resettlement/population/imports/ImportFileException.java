package cn.resettlement.population.imports;

/** The file as a whole cannot be imported (no header, missing columns, unreadable). */
class ImportFileException extends RuntimeException {

	ImportFileException(String message) {
		super(message);
	}

	ImportFileException(String message, Throwable cause) {
		super(message, cause);
	}

}
