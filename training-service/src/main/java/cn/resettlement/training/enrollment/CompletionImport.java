package cn.resettlement.training.enrollment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Component;

import cn.resettlement.platform.web.IdNumbers;
import cn.resettlement.platform.jobs.JobContext;
import cn.resettlement.training.config.TrainingProperties;
import cn.resettlement.training.imports.Header;
import cn.resettlement.training.imports.ListFile;
import cn.resettlement.platform.tabular.TabularFileException;

/**
 * Records a class's completion list (结业名单; CSV or XLSX: 身份证号, optionally 证书编号 and 出勤天数)
 * as a job: each listed trainee is recorded as completed, a chunk per transaction. Rows
 * of persons not enrolled in the class are reported. The class itself stays open until
 * {@code POST .../complete}, so a corrected list can still be uploaded.
 */
@Component
class CompletionImport {

	static final Map<String, List<String>> COLUMNS = Map.of("idNumber", List.of("身份证号", "身份证号码", "公民身份号码"),
			"certificateNo", List.of("证书编号", "结业证书编号", "证书号"), "attendedDays", List.of("出勤天数", "参训天数"));

	private static final int MAX_DAYS = 366;

	private final EnrollmentManagement management;

	private final int chunkSize;

	CompletionImport(EnrollmentManagement management, TrainingProperties properties) {
		this.management = management;
		this.chunkSize = Math.max(1, properties.imports().chunk());
	}

	void run(UUID classId, Path file, JobContext job) throws IOException {
		try {
			Totals totals = new Totals();
			Header[] header = new Header[1];
			Map<String, Long> seen = new HashMap<>();
			Map<String, Long> rowOf = new HashMap<>();
			List<Enrollments.CompletionRow> chunk = new ArrayList<>(this.chunkSize);
			ListFile.read(file, (rowNumber, cells) -> {
				if (header[0] == null) {
					header[0] = Header.locate(cells, COLUMNS, List.of("idNumber"));
					return;
				}
				totals.rows++;
				Enrollments.CompletionRow row = parse(rowNumber, cells, header[0], seen, job);
				if (row == null) {
					totals.rejected++;
					job.advance(1);
					return;
				}
				rowOf.put(row.idNumber(), rowNumber);
				chunk.add(row);
				if (chunk.size() == this.chunkSize) {
					flush(classId, chunk, rowOf, job, totals);
				}
			});
			if (header[0] == null) {
				throw new TabularFileException("The file is empty: the first row must be a header.");
			}
			flush(classId, chunk, rowOf, job, totals);
			job.total(totals.rows);
			Map<String, Object> result = new LinkedHashMap<>();
			result.put("rows", totals.rows);
			result.put("completed", totals.completed);
			result.put("rejected", totals.rejected);
			job.result(result);
		}
		finally {
			Files.deleteIfExists(file);
		}
	}

	private static Enrollments.CompletionRow parse(long rowNumber, List<String> cells, Header header,
			Map<String, Long> seen, JobContext job) {
		String raw = header.cell(cells, "idNumber");
		String problem = IdNumbers.problem(raw).orElse(null);
		if (problem != null) {
			job.error(rowNumber, "idNumber", problem);
			return null;
		}
		String idNumber = IdNumbers.normalize(raw);
		Long first = seen.putIfAbsent(idNumber, rowNumber);
		if (first != null) {
			job.error(rowNumber, "idNumber", "appears more than once in the list (first in row " + first + ")");
			return null;
		}
		String certificate = header.cell(cells, "certificateNo");
		if (certificate != null
				&& (certificate.length() > 50 || certificate.chars().anyMatch(Character::isISOControl))) {
			job.error(rowNumber, "certificateNo", "must be at most 50 printable characters");
			return null;
		}
		String days = header.cell(cells, "attendedDays");
		Integer attended = null;
		if (days != null) {
			if (!days.matches("[0-9]{1,3}") || Integer.parseInt(days) > MAX_DAYS) {
				job.error(rowNumber, "attendedDays", "must be a whole number of days from 0 to " + MAX_DAYS);
				return null;
			}
			attended = Integer.parseInt(days);
		}
		return new Enrollments.CompletionRow(idNumber, certificate, attended);
	}

	private void flush(UUID classId, List<Enrollments.CompletionRow> chunk, Map<String, Long> rowOf, JobContext job,
			Totals totals) {
		if (chunk.isEmpty()) {
			return;
		}
		Set<String> completed = this.management.recordCompletions(classId, chunk);
		for (Enrollments.CompletionRow row : chunk) {
			if (!completed.contains(row.idNumber())) {
				job.error(rowOf.get(row.idNumber()), "idNumber", "is not enrolled in this class");
				totals.rejected++;
			}
		}
		totals.completed += completed.size();
		job.advance(chunk.size());
		chunk.clear();
	}

	private static final class Totals {

		long rows;

		long completed;

		long rejected;

	}

}
