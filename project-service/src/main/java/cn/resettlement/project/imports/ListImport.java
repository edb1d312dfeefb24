package cn.resettlement.project.imports;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.dao.DataIntegrityViolationException;

import cn.resettlement.platform.tabular.TabularFileException;
import cn.resettlement.platform.tabular.RowSource;
import cn.resettlement.platform.tabular.TabularFiles;
import cn.resettlement.platform.jobs.JobContext;
import cn.resettlement.platform.web.ApiException;

/**
 * Imports a list (CSV or XLSX, header first) as a job, row by row: each row is one
 * command in its own transaction, so a rejected row (invalid, or refused by a rule such
 * as an overdrawn allocation) is reported with its row number and field and the others
 * are kept. Rows already recorded (by an earlier import of the same list) are skipped.
 * Allocation and project lists have tens to hundreds of rows a year, so a transaction per
 * row is cheap and reuses every rule of the API.
 */
abstract class ListImport<C extends Enum<C> & Column> {

	private final Class<C> columns;

	ListImport(Class<C> columns) {
		this.columns = columns;
	}

	/** Imports one valid-looking row. */
	abstract Outcome importRow(Cells<C> cells);

	/** Columns that must be present. */
	abstract List<C> requiredColumns();

	/** Runs the import of a file that the job owns (it is deleted at the end). */
	void run(Path file, JobContext job) throws IOException {
		try {
			RowSource source = TabularFiles.open(file);
			Map<String, Long> totals = new LinkedHashMap<>();
			for (Outcome outcome : Outcome.values()) {
				totals.put(outcome.key, 0L);
			}
			@SuppressWarnings("unchecked")
			Map<C, Integer>[] header = new Map[1];
			long[] rows = new long[1];
			source.read((rowNumber, cells) -> {
				if (header[0] == null) {
					header[0] = locate(cells);
					return;
				}
				rows[0]++;
				Outcome outcome = importRow(rowNumber, new Cells<>(cells, header[0]), job);
				totals.merge(outcome.key, 1L, Long::sum);
				job.advance(1);
			});
			if (header[0] == null) {
				throw new TabularFileException("The file is empty: the first row must be a header.");
			}
			job.total(rows[0]);
			Map<String, Object> result = new LinkedHashMap<>();
			result.put("rows", rows[0]);
			result.putAll(totals);
			job.result(result);
		}
		finally {
			Files.deleteIfExists(file);
		}
	}

	private Map<C, Integer> locate(List<String> cells) {
		Map<C, Integer> found = Column.locate(cells, this.columns);
		List<String> missing = requiredColumns().stream()
			.filter((c) -> !found.containsKey(c))
			.map(Column::field)
			.toList();
		if (!missing.isEmpty()) {
			throw new TabularFileException(
					"The first row must be a header; missing columns: " + missing + ". Known columns: "
							+ Arrays.stream(this.columns.getEnumConstants()).map(Column::headers).toList());
		}
		return found;
	}

	private Outcome importRow(long rowNumber, Cells<C> cells, JobContext job) {
		try {
			Outcome outcome = importRow(cells);
			if (outcome == Outcome.REJECTED) {
				cells.errors().forEach((e) -> job.error(rowNumber, e.field(), e.message()));
			}
			return outcome;
		}
		catch (ApiException ex) {
			if (ex.errors().isEmpty()) {
				job.error(rowNumber, ex.slug(), ex.getMessage());
			}
			else {
				ex.errors().forEach((e) -> job.error(rowNumber, e.field(), e.message()));
			}
			return Outcome.REJECTED;
		}
		catch (DataIntegrityViolationException ex) {
			job.error(rowNumber, "row", "conflicts with a record written at the same time; import the row again");
			return Outcome.REJECTED;
		}
	}

	/** What happened to a row. */
	enum Outcome {

		CREATED("created"), ALREADY_RECORDED("alreadyRecorded"), REJECTED("rejected");

		private final String key;

		Outcome(String key) {
			this.key = key;
		}

	}

}
