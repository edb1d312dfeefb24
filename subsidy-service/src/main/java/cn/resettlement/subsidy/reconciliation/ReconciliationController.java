package cn.resettlement.subsidy.reconciliation;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import cn.resettlement.platform.security.Caller;
import cn.resettlement.platform.web.ApiException;
import cn.resettlement.platform.web.Masking;
import cn.resettlement.platform.web.PageQuery;
import cn.resettlement.platform.web.PageResponse;
import cn.resettlement.subsidy.config.SubsidyProperties;
import cn.resettlement.subsidy.files.SpreadsheetSafety;

/**
 * Reconciliation (比对): {@code POST /api/v1/subsidies/reconciliations} (multipart
 * {@code file}: the finance bureau's payee list, CSV or XLSX; {@code batchId} to compare
 * with a batch, else {@code asOf} — today by default — to compare with the eligible
 * roster) → the mismatch report; its items and a downloadable CSV/XLSX report.
 */
@RestController
@RequestMapping("/api/v1/subsidies/reconciliations")
class ReconciliationController {

	static final String[] REPORT_HEADER = { "序号", "类型", "身份证号码", "乡镇代码", "名册姓名", "名单姓名", "名册账号", "名单账号", "名单行号", "说明" };

	private final Reconciliations reconciliations;

	private final Clock clock;

	private final SubsidyProperties properties;

	ReconciliationController(Reconciliations reconciliations, Clock clock, SubsidyProperties properties) {
		this.reconciliations = reconciliations;
		this.clock = clock;
		this.properties = properties;
	}

	@PostMapping(consumes = "multipart/form-data")
	@PreAuthorize("hasAnyRole('ADMIN', 'STAFF')")
	ResponseEntity<ReconciliationResponse> run(@RequestParam("file") MultipartFile file,
			@RequestParam(required = false) UUID batchId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf)
			throws Exception {
		if (file.isEmpty()) {
			throw ApiException.invalid("file", "must not be empty");
		}
		if (batchId != null && asOf != null) {
			throw ApiException.invalid("asOf", "give either batchId or asOf");
		}
		LocalDate date = (asOf != null) ? asOf : LocalDate.now(this.clock.withZone(this.properties.zone()));
		if (date.getYear() < 2000 || date.getYear() > 2100) {
			throw ApiException.invalid("asOf", "must be a date between 2000 and 2100");
		}
		Path copy = Files.createTempFile("payee-list-", ".upload");
		try {
			file.transferTo(copy);
			Reconciliation result = this.reconciliations.run(copy, file.getOriginalFilename(), batchId,
					(batchId != null) ? null : date);
			return ResponseEntity.created(URI.create("/api/v1/subsidies/reconciliations/" + result.id()))
				.body(ReconciliationResponse.of(result));
		}
		finally {
			Files.deleteIfExists(copy);
		}
	}

	@GetMapping("/{id}")
	ReconciliationResponse get(@PathVariable UUID id) {
		return ReconciliationResponse
			.of(this.reconciliations.find(id).orElseThrow(() -> ApiException.notFound("Reconciliation", id)));
	}

	@GetMapping("/{id}/items")
	PageResponse<Reconciliations.Item> items(@PathVariable UUID id, @RequestParam(required = false) String kind,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		this.reconciliations.find(id).orElseThrow(() -> ApiException.notFound("Reconciliation", id));
		return this.reconciliations.items(id, kind, PageQuery.of(page, size)).map(ReconciliationController::masked);
	}

	/**
	 * The report as a file; ID numbers in full only for roles that handle personal data.
	 */
	@GetMapping("/{id}/report")
	void report(@PathVariable UUID id, @RequestParam(defaultValue = "csv") String format, HttpServletResponse response)
			throws IOException {
		String kind = format.toLowerCase(Locale.ROOT);
		if (!kind.equals("csv") && !kind.equals("xlsx")) {
			throw ApiException.invalid("format", "must be csv or xlsx");
		}
		this.reconciliations.find(id).orElseThrow(() -> ApiException.notFound("Reconciliation", id));
		boolean full = Caller.current().seesPersonalData();
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment()
					.filename("比对报告-" + id + "." + kind, StandardCharsets.UTF_8)
					.build()
					.toString());
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		OutputStream out = response.getOutputStream();
		if (kind.equals("csv")) {
			response.setContentType("text/csv;charset=UTF-8");
			out.write(new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF });
			Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
			CsvWriter csv = CsvWriter.builder().lineDelimiter(LineDelimiter.CRLF).build(writer);
			csv.writeRecord(REPORT_HEADER);
			this.reconciliations.forEachItem(id, (item) -> csv.writeRecord(cells(item, full)));
			csv.flush();
			writer.flush();
		}
		else {
			response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
			try (SXSSFWorkbook workbook = new SXSSFWorkbook(200)) {
				Sheet sheet = workbook.createSheet("比对报告");
				write(sheet.createRow(0), REPORT_HEADER);
				int[] row = { 1 };
				this.reconciliations.forEachItem(id, (item) -> write(sheet.createRow(row[0]++), cells(item, full)));
				workbook.write(out);
			}
		}
		out.flush();
	}

	private static void write(Row row, String[] values) {
		for (int i = 0; i < values.length; i++) {
			row.createCell(i).setCellValue(values[i]);
		}
	}

	private static String[] cells(Reconciliations.Item item, boolean fullIdNumbers) {
		return new String[] { String.valueOf(item.itemNo()), item.kind(),
				fullIdNumbers ? item.idNumber() : Masking.idNumber(item.idNumber()), item.townshipCode(),
				SpreadsheetSafety.text(item.referenceName()), SpreadsheetSafety.text(item.payeeName()),
				item.referenceCard(), item.payeeCard(), (item.payeeRow() != null) ? item.payeeRow().toString() : null,
				SpreadsheetSafety.text(item.message()) };
	}

	private static Reconciliations.Item masked(Reconciliations.Item item) {
		return new Reconciliations.Item(item.itemNo(), item.kind(), Masking.idNumber(item.idNumber()),
				item.townshipCode(), item.referenceName(), item.payeeName(), item.referenceCard(), item.payeeCard(),
				item.payeeRow(), item.message());
	}

	record ReconciliationResponse(UUID id, String against, LocalDate asOf, UUID batchId, String fileName, int payeeRows,
			int referenceRows, int matched, int missingInPayeeList, int missingInReference, int nameMismatches,
			int cardAccountMismatches, int duplicates, int invalidRows, boolean listsMatch, String createdBy,
			Instant createdAt) {

		static ReconciliationResponse of(Reconciliation r) {
			return new ReconciliationResponse(r.id(), r.against(), r.asOf(), r.batchId(), r.fileName(), r.payeeRows(),
					r.referenceRows(), r.matched(), r.missingInPayeeList(), r.missingInReference(), r.nameMismatches(),
					r.cardMismatches(), r.duplicates(), r.invalidRows(), r.listsMatch(), r.createdBy(), r.createdAt());
		}

	}

}
