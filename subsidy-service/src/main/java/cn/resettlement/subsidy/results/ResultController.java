package cn.resettlement.subsidy.results;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import cn.resettlement.platform.jobs.JobView;
import cn.resettlement.platform.jobs.Jobs;
import cn.resettlement.platform.web.ApiException;
import cn.resettlement.platform.web.ApiException.FieldError;
import cn.resettlement.platform.web.Idempotency;
import cn.resettlement.subsidy.batch.Batch;
import cn.resettlement.subsidy.batch.LineStatus;
import cn.resettlement.subsidy.config.SubsidyProperties;

/**
 * {@code POST /api/v1/subsidies/batches/{id}/results}: the bank's result per line, as
 * JSON (applied at once, answered with the report) or as the bank's return file, CSV or
 * XLSX (multipart {@code file}; a job, 202). Results that do not fit the batch are
 * reported and not applied; the others are.
 */
@RestController
@RequestMapping("/api/v1/subsidies/batches")
class ResultController {

	private final ResultImport results;

	private final Jobs jobs;

	private final Idempotency idempotency;

	private final int jsonLimit;

	ResultController(ResultImport results, Jobs jobs, Idempotency idempotency, SubsidyProperties properties) {
		this.results = results;
		this.jobs = jobs;
		this.idempotency = idempotency;
		this.jsonLimit = properties.results().jsonLimit();
	}

	@PostMapping(path = "/{id}/results", consumes = MediaType.APPLICATION_JSON_VALUE)
	@PreAuthorize("hasAnyRole('ADMIN', 'STAFF')")
	ResponseEntity<?> record(@PathVariable UUID id,
			@RequestHeader(name = Idempotency.HEADER, required = false) String key,
			@Valid @RequestBody ResultsRequest request) {
		if (request.results().isEmpty() || request.results().size() > this.jsonLimit) {
			throw ApiException.invalid("results",
					"must hold 1 to " + this.jsonLimit + " results; send larger sets as the bank's return file");
		}
		return this.idempotency.execute(key, request, () -> {
			Batch batch = this.results.lockForResults(id);
			List<ResultRow> rows = check(request, batch);
			return ResponseEntity.ok(this.results.recordNow(batch, rows));
		});
	}

	@PostMapping(path = "/{id}/results", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@PreAuthorize("hasAnyRole('ADMIN', 'STAFF')")
	ResponseEntity<?> upload(@PathVariable UUID id,
			@RequestHeader(name = Idempotency.HEADER, required = false) String key,
			@RequestParam("file") MultipartFile file) throws IOException {
		if (file.isEmpty()) {
			throw ApiException.invalid("file", "must not be empty");
		}
		Path copy = Files.createTempFile("bank-return-", ".upload");
		boolean[] submitted = { false };
		try {
			file.transferTo(copy);
			Upload upload = new Upload(id, file.getOriginalFilename(), Files.size(copy), sha256(copy));
			return this.idempotency.execute(key, upload, () -> {
				this.results.lockForResults(id);
				JobView job = this.jobs.submit("subsidy.result-import",
						(context) -> this.results.recordFileAsJob(id, copy, context));
				submitted[0] = true;
				return ResponseEntity.accepted().location(URI.create("/api/v1/subsidies/jobs/" + job.id())).body(job);
			});
		}
		finally {
			if (!submitted[0]) {
				Files.deleteIfExists(copy);
			}
		}
	}

	private List<ResultRow> check(ResultsRequest request, Batch batch) {
		LocalDate today = this.results.today();
		List<ResultRow> rows = new ArrayList<>(request.results().size());
		List<FieldError> errors = new ArrayList<>();
		for (int i = 0; i < request.results().size(); i++) {
			ResultItem item = request.results().get(i);
			if (item == null) {
				errors.add(new FieldError("results[" + i + "]", "must not be null"));
				continue;
			}
			ResultRows.Parsed parsed = ResultRows.check(i + 1L, item.lineRef(), item.idNumber(), item.status(),
					item.paidOn(), item.failureReason(), item.amount(), batch, today);
			if (parsed.row() != null) {
				rows.add(parsed.row());
			}
			for (FieldError error : parsed.errors()) {
				if (errors.size() < 100) {
					errors.add(new FieldError("results[" + i + "]." + error.field(), error.message()));
				}
			}
		}
		if (!errors.isEmpty()) {
			throw ApiException.invalid("Some results are invalid; nothing was recorded.", errors);
		}
		return rows;
	}

	private static String sha256(Path file) throws IOException {
		try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
			in.transferTo(OutputStream.nullOutputStream());
			return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** What identifies an uploaded return file for the Idempotency-Key. */
	record Upload(UUID batchId, String filename, long size, String sha256) {
	}

	record ResultsRequest(@NotNull List<ResultItem> results) {
	}

	/**
	 * @param lineRef the line reference of the bank file (or give idNumber)
	 * @param idNumber the person's ID number
	 * @param status PAID or FAILED
	 * @param paidOn date of payment (PAID)
	 * @param failureReason the bank's reason (FAILED)
	 * @param amount the amount the bank reports, checked against the line when given
	 */
	record ResultItem(String lineRef, String idNumber, LineStatus status, LocalDate paidOn, String failureReason,
			BigDecimal amount) {
	}

}
