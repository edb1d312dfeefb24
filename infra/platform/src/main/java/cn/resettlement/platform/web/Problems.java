package cn.resettlement.platform.web;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/** Builds the platform's problem details: a stable type URI {@code /problems/<slug>}. */
public final class Problems {

	private Problems() {
	}

	public static ProblemDetail problem(HttpStatusCode status, String slug, String detail) {
		return problem(status, slug, detail, List.of());
	}

	public static ProblemDetail problem(HttpStatusCode status, String slug, String detail,
			List<ApiException.FieldError> errors) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(ApiException.type(slug));
		HttpStatus known = HttpStatus.resolve(status.value());
		problem.setTitle((known != null) ? known.getReasonPhrase() : "Error");
		if (!errors.isEmpty()) {
			problem.setProperty("errors", errors);
		}
		return problem;
	}

}
