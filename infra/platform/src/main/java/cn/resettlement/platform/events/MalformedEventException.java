package cn.resettlement.platform.events;

/**
 * An event that cannot be applied as it is: it goes to the dead-letter topic without
 * retries.
 */
public class MalformedEventException extends RuntimeException {

	public MalformedEventException(CloudEvent event, String problem) {
		super("Malformed event " + ((event != null) ? event.id() + " (" + event.type() + ")" : "") + ": " + problem);
	}

	public MalformedEventException(String problem, Throwable cause) {
		super(problem, cause);
	}

}
