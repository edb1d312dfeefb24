package cn.resettlement.reporting.ingest;

/** Ids of the listener containers. */
public final class ListenerIds {

	/** The live consumer of the five topics. */
	public static final String LIVE = "reporting-events";

	private ListenerIds() {
	}

}
