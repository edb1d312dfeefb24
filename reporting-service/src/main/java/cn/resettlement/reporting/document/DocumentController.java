package cn.resettlement.reporting.document;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.resettlement.platform.config.PlatformProperties;
import cn.resettlement.platform.web.ApiException;
import cn.resettlement.reporting.profile.Years;
import cn.resettlement.reporting.report.ReportManagement;
import cn.resettlement.reporting.report.ReportView;

/**
 * The report document of a year ({@code performance.md|.html|.docx|.pdf}), for a closed
 * year as submitted (with late changes appended) unless {@code view=live}. Every response
 * states how current its figures are, in the document and in the
 * {@code X-Report-Last-Event-At} and {@code X-Report-Consumer-Lag} headers.
 */
@RestController
@RequestMapping("/api/v1/reports/{year}")
class DocumentController {

	private static final MediaType MARKDOWN = new MediaType("text", "markdown", StandardCharsets.UTF_8);

	private static final MediaType HTML = new MediaType("text", "html", StandardCharsets.UTF_8);

	private static final MediaType DOCX = MediaType
		.parseMediaType("application/vnd.openxmlformats-officedocument.wordprocessingml.document");

	private final ReportManagement reports;

	private final CjkFont font;

	private final String unit;

	DocumentController(ReportManagement reports, CjkFont font, PlatformProperties platform) {
		this.reports = reports;
		this.font = font;
		this.unit = platform.unitCode();
	}

	@GetMapping("/performance.md")
	ResponseEntity<String> markdown(@PathVariable int year, @RequestParam(defaultValue = "submitted") String view) {
		ReportView report = view(year, view);
		return respond(report, MARKDOWN, null).body(MarkdownDocument.render(ReportText.compose(report)));
	}

	@GetMapping("/performance.html")
	ResponseEntity<String> html(@PathVariable int year, @RequestParam(defaultValue = "submitted") String view) {
		ReportView report = view(year, view);
		return respond(report, HTML, null).body(HtmlDocument.render(ReportText.compose(report), title(report)));
	}

	@GetMapping("/performance.docx")
	ResponseEntity<byte[]> docx(@PathVariable int year, @RequestParam(defaultValue = "submitted") String view) {
		ReportView report = view(year, view);
		return respond(report, DOCX, "docx").body(DocxDocument.render(ReportText.compose(report)));
	}

	@GetMapping("/performance.pdf")
	ResponseEntity<byte[]> pdf(@PathVariable int year, @RequestParam(defaultValue = "submitted") String view) {
		ReportView report = view(year, view);
		List<Block> blocks = ReportText.compose(report);
		byte[] pdf = PdfDocument.render(blocks, this.font.font(), title(report));
		return respond(report, MediaType.APPLICATION_PDF, "pdf").body(pdf);
	}

	private ReportView view(int year, String view) {
		Years.check(year);
		boolean live = switch (view) {
			case "live" -> true;
			case "submitted" -> false;
			default -> throw ApiException.invalid("view", "must be submitted or live");
		};
		return this.reports.view(this.unit, year, live);
	}

	private static String title(ReportView report) {
		return report.data().profile().name() + report.data().year() + "年整体绩效自评报告";
	}

	private static ResponseEntity.BodyBuilder respond(ReportView report, MediaType type, String extension) {
		ResponseEntity.BodyBuilder builder = ResponseEntity.ok().contentType(type);
		if (report.freshness().lastEventAt() != null) {
			builder.header("X-Report-Last-Event-At", report.freshness().lastEventAt().toString());
		}
		if (report.freshness().consumerLag() != null) {
			builder.header("X-Report-Consumer-Lag", report.freshness().consumerLag().toString());
		}
		if (extension != null) {
			builder.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment()
						.filename(title(report) + "." + extension, StandardCharsets.UTF_8)
						.build()
						.toString());
		}
		return builder;
	}

}
