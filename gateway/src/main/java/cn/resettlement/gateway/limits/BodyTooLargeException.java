package cn.resettlement.gateway.limits;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * A request body over the limit. The client's fault: it never counts against a service's
 * circuit breaker.
 */
public class BodyTooLargeException extends ResponseStatusException {

	public BodyTooLargeException(long limit) {
		super(HttpStatus.CONTENT_TOO_LARGE, "The request body is larger than " + limit + " bytes.");
	}

}
