package cn.resettlement.platform.web;

import java.net.URI;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * A failure that the client caused or must know about, answered as an RFC 9457 problem.
 * The status and a stable {@code type} travel with the exception; use the factory
 * methods.
 */
public class ApiException extends RuntimeException {

	private final HttpStatus status;

	private final String slug;

	private final List<FieldError> errors;

	public ApiException(HttpStatus status, String slug, String detail) {
		this(status, slug, detail, List.of(), null);
	}

	public ApiException(HttpStatus status, String slug, String detail, List<FieldError> errors, Throwable cause) {
		super(detail, cause);
		this.status = status;
		this.slug = slug;
		this.errors = List.copyOf(errors);
	}

	/** 400: the request is invalid; {@code errors} names the fields. */
	public static ApiException invalid(String detail, List<FieldError> errors) {
		return new ApiException(HttpStatus.BAD_REQUEST, "validation", detail, errors, null);
	}

	/** 400 for one field. */
	public static ApiException invalid(String field, String message) {
		return invalid("The request is invalid.", List.of(new FieldError(field, message)));
	}

	/** 403: the caller's role or township may not do this. */
	public static ApiException forbidden(String detail) {
		return new ApiException(HttpStatus.FORBIDDEN, "forbidden", detail);
	}

	/** 404: no such resource. */
	public static ApiException notFound(String what, Object id) {
		return new ApiException(HttpStatus.NOT_FOUND, "not-found", what + " " + id + " does not exist.");
	}

	/** 409: the request conflicts with a business rule or the current state. */
	public static ApiException conflict(String slug, String detail) {
		return new ApiException(HttpStatus.CONFLICT, slug, detail);
	}

	/** 412: the resource changed since the client read it (If-Match). */
	public static ApiException preconditionFailed(String detail) {
		return new ApiException(HttpStatus.PRECONDITION_FAILED, "precondition-failed", detail);
	}

	/** 428: the update needs an If-Match header. */
	public static ApiException preconditionRequired(String detail) {
		return new ApiException(HttpStatus.PRECONDITION_REQUIRED, "precondition-required", detail);
	}

	/** 422: well-formed, but refers to something that does not qualify. */
	public static ApiException unprocessable(String slug, String detail) {
		return new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, slug, detail);
	}

	/** 503: a service this one depends on is unavailable; nothing was changed. */
	public static ApiException dependencyUnavailable(String dependency, Throwable cause) {
		return new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "dependency-unavailable",
				dependency + " is unavailable; nothing was changed. Try again later.", List.of(), cause);
	}

	public HttpStatus status() {
		return this.status;
	}

	public String slug() {
		return this.slug;
	}

	public List<FieldError> errors() {
		return this.errors;
	}

	public ProblemDetail toProblem() {
		return Problems.problem(this.status, this.slug, getMessage(), this.errors);
	}

	/** One invalid field: its JSON path and what is wrong. */
	public record FieldError(String field, String message) {
	}

	static URI type(String slug) {
		return URI.create("/problems/" + slug);
	}

}
