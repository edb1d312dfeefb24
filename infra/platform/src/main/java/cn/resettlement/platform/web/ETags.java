package cn.resettlement.platform.web;

/**
 * Optimistic locking over HTTP: a resource's version is its ETag; updates send it back in
 * If-Match and get 412 when someone else changed the resource in between.
 */
public final class ETags {

	private ETags() {
	}

	public static String of(long version) {
		return "\"" + version + "\"";
	}

	/**
	 * The version an update expects.
	 * @param ifMatch the If-Match header
	 * @return the version it names
	 * @throws ApiException 428 when the header is missing, 412 when it names no version
	 */
	public static long expectedVersion(String ifMatch) {
		if (ifMatch == null || ifMatch.isBlank()) {
			throw ApiException.preconditionRequired("Send the resource's ETag in an If-Match header to change it.");
		}
		String value = ifMatch.trim();
		if (value.startsWith("W/")) {
			value = value.substring(2);
		}
		value = value.replace("\"", "");
		try {
			return Long.parseLong(value);
		}
		catch (NumberFormatException ex) {
			throw ApiException.preconditionFailed("If-Match does not name a version of this resource.");
		}
	}

	/**
	 * Checks the row count of {@code UPDATE ... WHERE id = ? AND version = ?}.
	 * @throws ApiException 412 when no row matched
	 */
	public static void requireUpdated(int rows) {
		if (rows == 0) {
			throw ApiException.preconditionFailed("The resource was changed by someone else; read it again and retry.");
		}
	}

}
