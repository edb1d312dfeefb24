package cn.resettlement.training.vocational;

/**
 * A school year such as {@code 2024-2025} (autumn to summer).
 *
 * @param startYear the calendar year it starts in
 */
record AcademicYear(int startYear) {

	/**
	 * Parses {@code YYYY-YYYY} where the second year follows the first.
	 * @return the academic year, or {@code null} when the text is not one
	 */
	static AcademicYear parse(String text) {
		if (text == null || !text.matches("[0-9]{4}-[0-9]{4}")) {
			return null;
		}
		int start = Integer.parseInt(text.substring(0, 4));
		int end = Integer.parseInt(text.substring(5));
		return (end == start + 1) ? new AcademicYear(start) : null;
	}

	int endYear() {
		return this.startYear + 1;
	}

	/**
	 * Whether a grant in {@code year} for this academic year is a late claim (往年漏报): the
	 * academic year had already ended before the grant year began.
	 */
	boolean lateIn(int year) {
		return endYear() < year;
	}

	@Override
	public String toString() {
		return this.startYear + "-" + endYear();
	}

}
