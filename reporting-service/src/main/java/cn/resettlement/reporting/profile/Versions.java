package cn.resettlement.reporting.profile;

import cn.resettlement.platform.web.ETags;

/** If-Match for resources that may not exist yet. */
public final class Versions {

	private Versions() {
	}

	/**
	 * The version an update expects: 0 creates, and needs no If-Match while nothing is
	 * stored.
	 * @param ifMatch the If-Match header
	 * @param stored the stored version, 0 when nothing is stored
	 * @throws cn.resettlement.platform.web.ApiException 428 when the resource exists and
	 * If-Match is missing
	 */
	public static long expected(String ifMatch, long stored) {
		if ((ifMatch == null || ifMatch.isBlank()) && stored == 0) {
			return 0;
		}
		return ETags.expectedVersion(ifMatch);
	}

}
