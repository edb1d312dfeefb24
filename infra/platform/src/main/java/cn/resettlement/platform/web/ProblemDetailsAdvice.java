package cn.resettlement.platform.web;

import java.sql.SQLException;
import java.time.LocalDate;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.exc.ValueInstantiationException;

import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import cn.resettlement.platform.tabular.TabularFileException;

/**
 * One error model for every service: RFC 9457 problem details with a stable type, and for
 * validation an {@code errors} list of {@code {field, message}}. Bad input is always a
 * 4xx; anything unexpected is a 500 that reveals nothing but its trace id in the log.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE + 100)
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

	private static final Map<Integer, String> SLUGS = Map.ofEntries(Map.entry(400, "malformed-request"),
			Map.entry(401, "unauthenticated"), Map.entry(403, "forbidden"), Map.entry(404, "not-found"),
			Map.entry(405, "method-not-allowed"), Map.entry(406, "not-acceptable"), Map.entry(409, "conflict"),
			Map.entry(412, "precondition-failed"), Map.entry(413, "payload-too-large"),
			Map.entry(415, "unsupported-media-type"), Map.entry(422, "unprocessable"),
			Map.entry(428, "precondition-required"), Map.entry(429, "too-many-requests"),
			Map.entry(503, "unavailable"));

	@ExceptionHandler(ApiException.class)
	ResponseEntity<ProblemDetail> api(ApiException ex) {
		if (ex.status().is5xxServerError()) {
			log.warn("{}: {}", ex.slug(), ex.getMessage(), ex.getCause());
		}
		return respond(ex.toProblem());
	}

	/** An upload read in the request (not as a job) that is not a readable table. */
	@ExceptionHandler(TabularFileException.class)
	ResponseEntity<ProblemDetail> unreadableFile(TabularFileException ex) {
		return respond(ApiException.invalid("file", ex.getMessage()).toProblem());
	}

	@ExceptionHandler(ConstraintViolationException.class)
	ResponseEntity<ProblemDetail> constraintViolation(ConstraintViolationException ex) {
		List<ApiException.FieldError> errors = ex.getConstraintViolations()
			.stream()
			.map((v) -> new ApiException.FieldError(leaf(v.getPropertyPath().toString()), v.getMessage()))
			.toList();
		return respond(Problems.problem(HttpStatus.BAD_REQUEST, "validation", "The request is invalid.", errors));
	}

	@ExceptionHandler({ AccessDeniedException.class, AuthorizationDeniedException.class })
	ResponseEntity<ProblemDetail> accessDenied(RuntimeException ex) {
		return respond(Problems.problem(HttpStatus.FORBIDDEN, "forbidden", "Your role may not do this."));
	}

	@ExceptionHandler(OptimisticLockingFailureException.class)
	ResponseEntity<ProblemDetail> optimisticLock(OptimisticLockingFailureException ex) {
		return respond(Problems.problem(HttpStatus.PRECONDITION_FAILED, "precondition-failed",
				"The resource was changed by someone else; read it again and retry."));
	}

	@ExceptionHandler(PessimisticLockingFailureException.class)
	ResponseEntity<ProblemDetail> lockConflict(PessimisticLockingFailureException ex) {
		return respond(Problems.problem(HttpStatus.CONFLICT, "concurrent-update",
				"A concurrent request changed the same data; nothing was changed. Retry."));
	}

	/**
	 * Database constraints are the last line of defence (races, values the API did not
	 * check): they are the client's problem, never a 500. The transaction has rolled
	 * back.
	 */
	@ExceptionHandler(DataIntegrityViolationException.class)
	ResponseEntity<ProblemDetail> dataIntegrity(DataIntegrityViolationException ex) {
		String state = sqlState(ex);
		if (state != null && state.equals("23505")) {
			return respond(Problems.problem(HttpStatus.CONFLICT, "duplicate", "The resource already exists."));
		}
		if (state != null && state.equals("23503")) {
			return respond(Problems.problem(HttpStatus.UNPROCESSABLE_CONTENT, "unknown-reference",
					"The request refers to something that does not exist."));
		}
		log.debug("Rejected by a database constraint (SQLState {})", state, ex);
		return respond(Problems.problem(HttpStatus.BAD_REQUEST, "validation",
				"A value is out of range or too long for the field."));
	}

	@ExceptionHandler(DataAccessException.class)
	ResponseEntity<ProblemDetail> dataAccess(DataAccessException ex) {
		String state = sqlState(ex);
		if (state != null && state.startsWith("22")) {
			return respond(Problems.problem(HttpStatus.BAD_REQUEST, "validation",
					"A value is out of range or not valid for the field."));
		}
		if (state != null && (state.equals("40001") || state.equals("40P01"))) {
			return lockConflict(null);
		}
		log.error("Database failure (SQLState {})", state, ex);
		return respond(Problems.problem(HttpStatus.SERVICE_UNAVAILABLE, "unavailable",
				"The service cannot reach its database; nothing was changed. Try again later."));
	}

	@ExceptionHandler(MultipartException.class)
	ResponseEntity<ProblemDetail> multipart(MultipartException ex) {
		return respond(Problems.problem(HttpStatus.BAD_REQUEST, "malformed-request",
				"The multipart request is malformed or has no file part."));
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<ProblemDetail> unexpected(Exception ex) {
		log.error("Unexpected failure", ex);
		return respond(Problems.problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal",
				"An unexpected error occurred; it has been logged."));
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return validation(ex.getBindingResult());
	}

	@Override
	protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<ApiException.FieldError> errors = new ArrayList<>();
		ex.getParameterValidationResults().forEach((result) -> {
			String name = result.getMethodParameter().getParameterName();
			result.getResolvableErrors()
				.forEach((e) -> errors.add(new ApiException.FieldError(
						(e instanceof org.springframework.validation.FieldError fe) ? fe.getField() : name,
						e.getDefaultMessage())));
		});
		return asObject(Problems.problem(HttpStatus.BAD_REQUEST, "validation", "The request is invalid.", errors));
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return asObject(notReadable(ex));
	}

	@Override
	protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		String field = (ex.getPropertyName() != null) ? ex.getPropertyName() : "parameter";
		return asObject(Problems.problem(HttpStatus.BAD_REQUEST, "validation", "The request is invalid.",
				List.of(new ApiException.FieldError(field, expectation(ex.getRequiredType())))));
	}

	@Override
	protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
			HttpStatusCode statusCode, WebRequest request) {
		ResponseEntity<Object> response = super.handleExceptionInternal(ex, body, headers, statusCode, request);
		if (response != null && response.getBody() instanceof ProblemDetail problem
				&& "about:blank".equals(String.valueOf(problem.getType()))) {
			problem.setType(ApiException.type(SLUGS.getOrDefault(statusCode.value(), "error")));
		}
		return response;
	}

	private ResponseEntity<Object> validation(BindingResult result) {
		List<ApiException.FieldError> errors = new ArrayList<>();
		result.getFieldErrors()
			.forEach((e) -> errors.add(new ApiException.FieldError(e.getField(), e.getDefaultMessage())));
		result.getGlobalErrors()
			.forEach((e) -> errors.add(new ApiException.FieldError(e.getObjectName(), e.getDefaultMessage())));
		return asObject(Problems.problem(HttpStatus.BAD_REQUEST, "validation", "The request is invalid.", errors));
	}

	static ProblemDetail notReadable(HttpMessageNotReadableException ex) {
		Throwable cause = ex.getCause();
		if (cause instanceof UnrecognizedPropertyException unknown) {
			return invalidField(path(unknown),
					"unknown field; allowed: " + unknown.getKnownPropertyIds()
						.stream()
						.map(String::valueOf)
						.sorted()
						.collect(Collectors.joining(", ")));
		}
		if (cause instanceof InvalidFormatException format) {
			if (format.getTargetType() == String.class && format.getValue() instanceof String) {
				// a string refused as a string: StrictJson's control-character rule
				return invalidField(path(format), "must not contain control characters (only tab and line breaks)");
			}
			return invalidField(path(format), expectation(format.getTargetType()));
		}
		if (cause instanceof ValueInstantiationException instantiation) {
			Throwable reason = (instantiation.getCause() != null) ? instantiation.getCause() : instantiation;
			if (reason instanceof ApiException api) {
				return api.toProblem();
			}
			return invalidField(path(instantiation), "invalid value");
		}
		if (cause instanceof MismatchedInputException mismatch) {
			String field = path(mismatch);
			if (field.isEmpty()) {
				return Problems.problem(HttpStatus.BAD_REQUEST, "malformed-request",
						"The request body is missing or is not a JSON object of the expected shape.");
			}
			return invalidField(field, expectation(mismatch.getTargetType()));
		}
		if (cause instanceof StreamReadException) {
			return Problems.problem(HttpStatus.BAD_REQUEST, "malformed-request", "The request body is not valid JSON.");
		}
		return Problems.problem(HttpStatus.BAD_REQUEST, "malformed-request",
				"The request body is missing or unreadable.");
	}

	private static ProblemDetail invalidField(String field, String message) {
		return Problems.problem(HttpStatus.BAD_REQUEST, "validation", "The request is invalid.",
				List.of(new ApiException.FieldError(field.isEmpty() ? "body" : field, message)));
	}

	private static String expectation(Class<?> type) {
		if (type == null) {
			return "wrong type";
		}
		if (type.isEnum()) {
			return "must be one of " + Arrays.stream(type.getEnumConstants()).map(String::valueOf).toList();
		}
		if (type == LocalDate.class) {
			return "must be a date YYYY-MM-DD";
		}
		if (Temporal.class.isAssignableFrom(type)) {
			return "must be an ISO-8601 instant";
		}
		if (Number.class.isAssignableFrom(type) || type.isPrimitive() && type != boolean.class) {
			return "must be a number";
		}
		if (type == Boolean.class || type == boolean.class) {
			return "must be true or false";
		}
		if (type == String.class) {
			return "must be a string";
		}
		if (List.class.isAssignableFrom(type) || type.isArray()) {
			return "must be an array";
		}
		if (type.getName().equals("java.util.UUID")) {
			return "must be a UUID";
		}
		return "must be an object";
	}

	private static String path(JacksonException ex) {
		StringBuilder path = new StringBuilder();
		for (JacksonException.Reference ref : ex.getPath()) {
			if (ref.getPropertyName() != null) {
				if (!path.isEmpty()) {
					path.append('.');
				}
				path.append(ref.getPropertyName());
			}
			else if (ref.getIndex() >= 0) {
				path.append('[').append(ref.getIndex()).append(']');
			}
		}
		return path.toString();
	}

	private static String leaf(String propertyPath) {
		// "create.request.amount" → "amount": the method and parameter names mean nothing
		// to a client
		int dot = propertyPath.indexOf('.', propertyPath.indexOf('.') + 1);
		return (dot > 0) ? propertyPath.substring(dot + 1) : propertyPath;
	}

	private static String sqlState(Throwable ex) {
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (t instanceof SQLException sql && sql.getSQLState() != null) {
				return sql.getSQLState();
			}
		}
		return null;
	}

	private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
		return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

	private static ResponseEntity<Object> asObject(ProblemDetail problem) {
		return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

}
