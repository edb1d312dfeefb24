package cn.resettlement.subsidy.bankfile;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.resettlement.platform.web.ApiException;
import cn.resettlement.subsidy.batch.Batch;
import cn.resettlement.subsidy.batch.BatchManagement;

/**
 * {@code GET /api/v1/subsidies/batches/{id}/bank-file?format=csv|xlsx}: the file for the
 * 一卡通 payment system. The first download marks an approved batch EXPORTED. It carries
 * full card accounts, so only centre staff may download it.
 */
@RestController
@RequestMapping("/api/v1/subsidies/batches")
class BankFileController {

	private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	private final BatchManagement batches;

	private final BankFileWriter writer;

	BankFileController(BatchManagement batches, BankFileWriter writer) {
		this.batches = batches;
		this.writer = writer;
	}

	@GetMapping("/{id}/bank-file")
	@PreAuthorize("hasAnyRole('ADMIN', 'STAFF')")
	void bankFile(@PathVariable UUID id, @RequestParam(defaultValue = "csv") String format,
			@RequestParam(defaultValue = "UTF-8") String charset, HttpServletResponse response) throws IOException {
		String kind = format.toLowerCase(Locale.ROOT);
		if (!kind.equals("csv") && !kind.equals("xlsx")) {
			throw ApiException.invalid("format", "must be csv or xlsx");
		}
		Charset encoding = switch (charset.toUpperCase(Locale.ROOT)) {
			case "UTF-8", "UTF8" -> StandardCharsets.UTF_8;
			case "GBK", "GB18030" -> Charset.forName("GB18030");
			default -> throw ApiException.invalid("charset", "must be UTF-8 or GB18030");
		};
		Batch batch = this.batches.export(id);
		String filename = "直补资金-" + batch.period() + "-" + batch.lineRefPrefix().replace("-", "") + "." + kind;
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment().filename(filename, StandardCharsets.UTF_8).build().toString());
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		response.setHeader("X-Line-Count", String.valueOf(batch.counts().lines()));
		OutputStream out = response.getOutputStream();
		if (kind.equals("csv")) {
			response.setContentType("text/csv;charset=" + encoding.name());
			this.writer.csv(batch, encoding, out);
		}
		else {
			response.setContentType(XLSX);
			this.writer.xlsx(batch, out);
		}
		out.flush();
	}

}
