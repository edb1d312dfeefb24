package cn.resettlement.training.enrollment;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import cn.resettlement.platform.web.IdNumbers;
import cn.resettlement.platform.jobs.JobView;
import cn.resettlement.platform.jobs.Jobs;
import cn.resettlement.platform.security.Caller;
import cn.resettlement.platform.web.ApiException;
import cn.resettlement.platform.web.ETags;
import cn.resettlement.platform.web.Idempotency;
import cn.resettlement.platform.web.Masking;
import cn.resettlement.platform.web.PageQuery;
import cn.resettlement.platform.web.PageResponse;
import cn.resettlement.training.integration.RegisteredPerson;
import cn.resettlement.training.trainingclass.TrainingClass;

/**
 * Trainees of a class: enrol (one, or a list as a job), read, record attendance and
 * completion, complete the class. ID numbers travel only in bodies and are masked in
 * lists; township officers enrol and see only their own township's trainees.
 */
@RestController
@RequestMapping("/api/v1/training/classes/{classId}")
class EnrollmentController {

	private static final String TEXT = "[^\\p{Cntrl}]*";

	private final EnrollmentManagement management;

	private final Enrollments enrollments;

	private final EnrollmentImport enrollmentImport;

	private final CompletionImport completionImport;

	private final Jobs jobs;

	private final Idempotency idempotency;

	EnrollmentController(EnrollmentManagement management, Enrollments enrollments, EnrollmentImport enrollmentImport,
			CompletionImport completionImport, Jobs jobs, Idempotency idempotency) {
		this.management = management;
		this.enrollments = enrollments;
		this.enrollmentImport = enrollmentImport;
		this.completionImport = completionImport;
		this.jobs = jobs;
		this.idempotency = idempotency;
	}

	/**
	 * The class is checked first, then population-service (outside any transaction), then
	 * the enrolment is written.
	 */
	@PostMapping("/enrollments")
	ResponseEntity<?> enrol(@PathVariable UUID classId,
			@RequestHeader(name = Idempotency.HEADER, required = false) String key,
			@Valid @RequestBody EnrolRequest request) {
		String idNumber = validIdNumber("idNumber", request.idNumber());
		this.management.requireOpen(classId);
		RegisteredPerson person = this.management.eligible(idNumber);
		return this.idempotency.execute(key, request, () -> {
			Enrollment enrollment = this.management.enrol(classId, person);
			return ResponseEntity
				.created(URI.create("/api/v1/training/classes/" + classId + "/enrollments/" + enrollment.id()))
				.eTag(ETags.of(enrollment.version()))
				.body(EnrollmentResponse.of(enrollment, true));
		});
	}

	/** Lists are always masked. */
	@GetMapping("/enrollments")
	PageResponse<EnrollmentResponse> list(@PathVariable UUID classId,
			@RequestParam(required = false) String townshipCode,
			@RequestParam(required = false) EnrollmentStatus status, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		PageQuery query = PageQuery.of(page, size);
		String township = Caller.current().townshipFilter(townshipCode);
		this.management.classOf(classId);
		return this.enrollments.list(classId, township, status, query).map((e) -> EnrollmentResponse.of(e, false));
	}

	@GetMapping("/enrollments/{id}")
	ResponseEntity<EnrollmentResponse> enrollment(@PathVariable UUID classId, @PathVariable UUID id) {
		Enrollment enrollment = this.enrollments.find(classId, id)
			.orElseThrow(() -> ApiException.notFound("Enrolment", id));
		Caller caller = Caller.current();
		caller.requireTownship(enrollment.townshipCode());
		return ResponseEntity.ok()
			.eTag(ETags.of(enrollment.version()))
			.body(EnrollmentResponse.of(enrollment, caller.seesPersonalData()));
	}

	@PatchMapping("/enrollments/{id}")
	@PreAuthorize("hasAnyRole('ADMIN','STAFF')")
	ResponseEntity<EnrollmentResponse> update(@PathVariable UUID classId, @PathVariable UUID id,
			@RequestHeader(name = "If-Match", required = false) String ifMatch,
			@Valid @RequestBody UpdateTraineeRequest request) {
		long version = ETags.expectedVersion(ifMatch);
		Enrollment updated = this.management.update(classId, id, version,
				new EnrollmentManagement.UpdateTrainee(request.attendedDays(),
						(request.certificateNo() != null) ? request.certificateNo().trim() : null,
						request.completed()));
		return ResponseEntity.ok().eTag(ETags.of(updated.version())).body(EnrollmentResponse.of(updated, true));
	}

	/** A trainee list (CSV or XLSX) enrolled as a job. */
	@PostMapping(path = "/enrollments/imports", consumes = "multipart/form-data")
	ResponseEntity<JobView> importEnrollments(@PathVariable UUID classId, @RequestParam("file") MultipartFile file)
			throws IOException {
		this.management.requireOpen(classId);
		Path copy = copy(file, "enrollment-list-");
		JobView job = this.jobs.submit("training.enrollment-import",
				(context) -> this.enrollmentImport.run(classId, copy, context));
		return ResponseEntity.accepted().location(URI.create("/api/v1/training/jobs/" + job.id())).body(job);
	}

	/** A completion list (CSV or XLSX) recorded as a job. */
	@PostMapping(path = "/completions/imports", consumes = "multipart/form-data")
	@PreAuthorize("hasAnyRole('ADMIN','STAFF')")
	ResponseEntity<JobView> importCompletions(@PathVariable UUID classId, @RequestParam("file") MultipartFile file)
			throws IOException {
		this.management.requireOpen(classId);
		Path copy = copy(file, "completion-list-");
		JobView job = this.jobs.submit("training.completion-import",
				(context) -> this.completionImport.run(classId, copy, context));
		return ResponseEntity.accepted().location(URI.create("/api/v1/training/jobs/" + job.id())).body(job);
	}

	/** 结业: the class is completed with the trainees who completed it. */
	@PostMapping("/complete")
	@PreAuthorize("hasAnyRole('ADMIN','STAFF')")
	ResponseEntity<CompletedResponse> complete(@PathVariable UUID classId,
			@Valid @RequestBody CompleteRequest request) {
		List<ApiException.FieldError> errors = new ArrayList<>();
		LinkedHashSet<String> idNumbers = new LinkedHashSet<>();
		for (int i = 0; i < request.completedIdNumbers().size(); i++) {
			String raw = request.completedIdNumbers().get(i);
			String problem = IdNumbers.problem(raw).orElse(null);
			if (problem != null) {
				errors.add(new ApiException.FieldError("completedIdNumbers[" + i + "]", problem));
			}
			else {
				idNumbers.add(IdNumbers.normalize(raw));
			}
		}
		if (!errors.isEmpty()) {
			throw ApiException.invalid("The request is invalid.", errors);
		}
		TrainingClass completed = this.management.complete(classId, List.copyOf(idNumbers), request.completedOn());
		return ResponseEntity.ok()
			.eTag(ETags.of(completed.version()))
			.body(new CompletedResponse(completed.id(), completed.status().name(), completed.completedOn(),
					completed.enrolled(), completed.completed()));
	}

	private static String validIdNumber(String field, String raw) {
		String problem = IdNumbers.problem(raw).orElse(null);
		if (problem != null) {
			throw ApiException.invalid(field, problem);
		}
		return IdNumbers.normalize(raw);
	}

	private static Path copy(MultipartFile file, String prefix) throws IOException {
		if (file.isEmpty()) {
			throw ApiException.invalid("file", "must not be empty");
		}
		Path copy = Files.createTempFile(prefix, ".upload");
		file.transferTo(copy);
		return copy;
	}

	record EnrolRequest(@NotNull @Size(max = 18) String idNumber) {
	}

	record UpdateTraineeRequest(@Min(0) @Max(366) Integer attendedDays,
			@Size(min = 1, max = 50) @Pattern(regexp = TEXT) String certificateNo, Boolean completed) {
	}

	record CompleteRequest(@NotNull @Size(max = 5000) List<@NotNull @Size(max = 18) String> completedIdNumbers,
			LocalDate completedOn) {
	}

	record CompletedResponse(UUID id, String status, LocalDate completedOn, long enrolled, long completed) {
	}

	record EnrollmentResponse(UUID id, UUID classId, String idNumber, String name, String townshipCode,
			EnrollmentStatus status, Integer attendedDays, String certificateNo) {

		static EnrollmentResponse of(Enrollment e, boolean full) {
			return new EnrollmentResponse(e.id(), e.classId(), full ? e.idNumber() : Masking.idNumber(e.idNumber()),
					e.name(), e.townshipCode(), e.status(), e.attendedDays(), e.certificateNo());
		}

	}

}
