package cn.resettlement.reporting.profile;

import cn.resettlement.platform.web.ApiException;

/** Report years as they appear in paths. */
public final class Years {

	private Years() {
	}

	/**
	 * @throws ApiException 400 for a year outside 2000–2099
	 */
	public static void check(int year) {
		if (year < 2000 || year > 2099) {
			throw ApiException.invalid("year", "must be between 2000 and 2099");
		}
	}

}
