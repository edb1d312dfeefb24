package cn.resettlement.training.enrollment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Component;

import cn.resettlement.platform.web.IdNumbers;
import cn.resettlement.platform.jobs.JobContext;
import cn.resettlement.platform.web.ApiException;
import cn.resettlement.training.config.TrainingProperties;
import cn.resettlement.training.imports.Header;
import cn.resettlement.training.imports.ListFile;
import cn.resettlement.platform.tabular.TabularFileException;
import cn.resettlement.training.integration.PopulationDirectory;
import cn.resettlement.training.integration.RegisteredPerson;

/**
 * Enrols a class's trainee list (CSV or XLSX: 身份证号, optionally 姓名) as a job. Rows are
 * checked with population-service a chunk at a time — one lookup per chunk, never one per
 * row — and each chunk is enrolled in one transaction. Rows that cannot be enrolled are
 * reported with their reason; persons already enrolled are counted, not duplicated, so a
 * list can be uploaded again after a failure.
 */
@Component
class EnrollmentImport {

	static final Map<String, List<String>> COLUMNS = Map.of("idNumber", List.of("身份证号", "身份证号码", "公民身份号码"), "name",
			List.of("姓名"));

	private final EnrollmentManagement management;

	private final PopulationDirectory population;

	private final int chunkSize;

	EnrollmentImport(EnrollmentManagement management, PopulationDirectory population, TrainingProperties properties) {
		this.management = management;
		this.population = population;
		this.chunkSize = Math.min(PopulationDirectory.MAX_LOOKUP, Math.max(1, properties.imports().chunk()));
	}

	/** Runs the import of a file the job owns (deleted at the end). */
	void run(UUID classId, Path file, JobContext job) throws IOException {
		try {
			Totals totals = new Totals();
			Header[] header = new Header[1];
			Map<String, Long> seen = new HashMap<>();
			List<Row> chunk = new ArrayList<>(this.chunkSize);
			ListFile.read(file, (rowNumber, cells) -> {
				if (header[0] == null) {
					header[0] = Header.locate(cells, COLUMNS, List.of("idNumber"));
					return;
				}
				totals.rows++;
				String raw = header[0].cell(cells, "idNumber");
				String problem = IdNumbers.problem(raw).orElse(null);
				if (problem != null) {
					reject(job, totals, rowNumber, "idNumber", problem);
					return;
				}
				String idNumber = IdNumbers.normalize(raw);
				Long first = seen.putIfAbsent(idNumber, rowNumber);
				if (first != null) {
					reject(job, totals, rowNumber, "idNumber",
							"appears more than once in the list (first in row " + first + ")");
					return;
				}
				chunk.add(new Row(rowNumber, idNumber, header[0].cell(cells, "name")));
				if (chunk.size() == this.chunkSize) {
					flush(classId, chunk, totals, job);
				}
			});
			if (header[0] == null) {
				throw new TabularFileException("The file is empty: the first row must be a header.");
			}
			flush(classId, chunk, totals, job);
			job.total(totals.rows);
			Map<String, Object> result = new LinkedHashMap<>();
			result.put("rows", totals.rows);
			result.put("enrolled", totals.enrolled);
			result.put("alreadyEnrolled", totals.alreadyEnrolled);
			result.put("rejected", totals.rejected);
			job.result(result);
		}
		finally {
			Files.deleteIfExists(file);
		}
	}

	private void flush(UUID classId, List<Row> chunk, Totals totals, JobContext job) {
		if (chunk.isEmpty()) {
			return;
		}
		Map<String, RegisteredPerson> persons;
		try {
			persons = this.population.lookup(chunk.stream().map(Row::idNumber).toList());
		}
		catch (ApiException ex) {
			throw new IllegalStateException("population-service is unavailable: stopped after " + totals.enrolled
					+ " trainees were enrolled. Upload the list again when it is back; persons already enrolled "
					+ "are skipped.", ex);
		}
		List<RegisteredPerson> eligible = new ArrayList<>(chunk.size());
		for (Row row : chunk) {
			RegisteredPerson person = persons.get(row.idNumber());
			String problem = PopulationDirectory.ineligibility(person);
			if (problem != null) {
				reject(job, totals, row.number(), "idNumber", problem);
			}
			else if (row.name() != null && !row.name().equals(person.name())) {
				reject(job, totals, row.number(), "name", "does not match the name in the migrant register");
			}
			else {
				eligible.add(person);
				job.advance(1);
			}
		}
		int enrolled = this.management.enrolAll(classId, eligible);
		totals.enrolled += enrolled;
		totals.alreadyEnrolled += eligible.size() - enrolled;
		chunk.clear();
	}

	private static void reject(JobContext job, Totals totals, long row, String field, String message) {
		job.error(row, field, message);
		totals.rejected++;
		job.advance(1);
	}

	private record Row(long number, String idNumber, String name) {
	}

	private static final class Totals {

		long rows;

		long enrolled;

		long alreadyEnrolled;

		long rejected;

	}

}
