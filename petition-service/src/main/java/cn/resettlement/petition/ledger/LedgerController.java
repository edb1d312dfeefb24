package cn.resettlement.petition.ledger;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.resettlement.petition.cases.Category;
import cn.resettlement.petition.cases.Channel;
import cn.resettlement.petition.cases.DeadlineKind;
import cn.resettlement.petition.cases.PetitionStatus;
import cn.resettlement.petition.config.Today;
import cn.resettlement.platform.security.Caller;
import cn.resettlement.platform.web.ApiException;
import cn.resettlement.platform.web.PageQuery;
import cn.resettlement.platform.web.PageResponse;

/**
 * The ledger (台账): petitions by period, township, category, status, channel and overdue;
 * the year summary the annual report states; the overdue counts; the XLSX export.
 * Township officers see only their township.
 */
@RestController
@RequestMapping("/api/v1/petitions")
class LedgerController {

	static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	private final Ledger ledger;

	private final LedgerExport export;

	private final Today today;

	LedgerController(Ledger ledger, LedgerExport export, Today today) {
		this.ledger = ledger;
		this.export = export;
		this.today = today;
	}

	@GetMapping
	PageResponse<LedgerEntry> list(@RequestParam(required = false) Integer year,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) String townshipCode, @RequestParam(required = false) Category category,
			@RequestParam(required = false) PetitionStatus status, @RequestParam(required = false) Channel channel,
			@RequestParam(required = false) Boolean collective, @RequestParam(required = false) Boolean overdue,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		LedgerFilter filter = visible(
				LedgerFilter.of(year, from, to, townshipCode, category, status, channel, collective, overdue));
		return this.ledger.list(filter, this.today.date(), PageQuery.of(page, size));
	}

	/** The figures of the petitions received in a year. */
	@GetMapping("/summary")
	YearSummary summary(@RequestParam int year, @RequestParam(required = false) String townshipCode) {
		if (year < 2000 || year > 2100) {
			throw ApiException.invalid("year", "must be between 2000 and 2100");
		}
		if (townshipCode != null && !townshipCode.matches("[0-9]{9}")) {
			throw ApiException.invalid("townshipCode", "must be a 9-digit township code");
		}
		String township = Caller.current().townshipFilter(townshipCode);
		LocalDate from = LocalDate.of(year, 1, 1);
		LocalDate to = LocalDate.of(year, 12, 31);
		LocalDate asOf = this.today.date();
		return YearSummary.of(year, township, asOf, this.ledger.counts(from, to, township, asOf),
				this.ledger.channels(from, to, township));
	}

	/** How many petitions are past their running deadline now, per kind of deadline. */
	@GetMapping("/overdue")
	OverdueCounts overdue(@RequestParam(required = false) String townshipCode) {
		if (townshipCode != null && !townshipCode.matches("[0-9]{9}")) {
			throw ApiException.invalid("townshipCode", "must be a 9-digit township code");
		}
		String township = Caller.current().townshipFilter(townshipCode);
		LocalDate asOf = this.today.date();
		Map<DeadlineKind, Long> counts = this.ledger.overdueCounts(township, asOf);
		return new OverdueCounts(asOf, township, counts.values().stream().mapToLong(Long::longValue).sum(), counts);
	}

	/** The ledger as an XLSX workbook, streamed; same filters as the list. */
	@GetMapping("/ledger.xlsx")
	void exportLedger(@RequestParam(required = false) Integer year,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) String townshipCode, @RequestParam(required = false) Category category,
			@RequestParam(required = false) PetitionStatus status, @RequestParam(required = false) Channel channel,
			@RequestParam(required = false) Boolean collective, @RequestParam(required = false) Boolean overdue,
			HttpServletResponse response) throws IOException {
		LedgerFilter filter = visible(
				LedgerFilter.of(year, from, to, townshipCode, category, status, channel, collective, overdue));
		String name = "信访台账" + ((year != null) ? "-" + year : "") + ".xlsx";
		response.setContentType(XLSX);
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"petition-ledger"
				+ ((year != null) ? "-" + year : "") + ".xlsx\"; filename*=UTF-8''" + encode(name));
		this.export.write(filter, this.today.date(), response.getOutputStream());
	}

	private static LedgerFilter visible(LedgerFilter filter) {
		return filter.inTownship(Caller.current().townshipFilter(filter.townshipCode()));
	}

	private static String encode(String name) {
		return URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
	}

	/**
	 * @param asOf the day deadlines were judged on
	 * @param townshipCode the township, or {@code null} for the whole unit
	 * @param total petitions past their running deadline
	 * @param byDeadline the same per kind of deadline
	 */
	record OverdueCounts(LocalDate asOf, String townshipCode, long total, Map<DeadlineKind, Long> byDeadline) {
	}

}
