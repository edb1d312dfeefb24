package cn.resettlement.subsidy.results;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.resettlement.platform.jobs.JobContext;
import cn.resettlement.platform.web.ApiException;
import cn.resettlement.subsidy.batch.Batch;
import cn.resettlement.subsidy.bulk.TransactionalJobs;
import cn.resettlement.subsidy.files.Columns;
import cn.resettlement.platform.tabular.TabularFiles;

/** Result recording as a request (JSON) or as a job (the bank's return file). */
@Component
class ResultImport {

	private final ResultRecording recording;

	private final TransactionalJobs transactionalJobs;

	ResultImport(ResultRecording recording, TransactionalJobs transactionalJobs) {
		this.recording = recording;
		this.transactionalJobs = transactionalJobs;
	}

	LocalDate today() {
		return this.recording.today();
	}

	@Transactional
	Batch lockForResults(UUID batchId) {
		return this.recording.lockForResults(batchId);
	}

	/** Records checked results in the caller's transaction (the batch is locked). */
	@Transactional
	ResultReport recordNow(Batch batch, List<ResultRow> rows) {
		try {
			return this.recording.record(batch, (sink, rejects) -> {
				for (ResultRow row : rows) {
					sink.accept(row);
				}
			}, TransactionalJobs.NO_PROGRESS);
		}
		catch (RuntimeException ex) {
			throw ex;
		}
		catch (Exception ex) {
			throw new IllegalStateException("Recording results failed", ex);
		}
	}

	/**
	 * The job body: reads the return file and records its results in one transaction;
	 * rows the file gets wrong are reported with their row number.
	 */
	void recordFileAsJob(UUID batchId, Path file, JobContext job) throws Exception {
		try {
			ResultReport report = this.transactionalJobs.run(job, (progress) -> {
				Batch batch = this.recording.lockForResults(batchId);
				long rows = TabularFiles.estimateRows(file);
				if (rows >= 0) {
					progress.total(rows);
				}
				LocalDate today = this.recording.today();
				return this.recording.record(batch, (sink, rejects) -> {
					Columns[] columns = { null };
					TabularFiles.open(file).read((rowNumber, cells) -> {
						if (columns[0] == null) {
							columns[0] = header(cells);
							return;
						}
						ResultRows.Parsed parsed = ResultRows.check(rowNumber, cells, columns[0], batch, today);
						if (parsed.row() == null) {
							rejects.reject(rowNumber, columns[0].get(cells, "lineRef"),
									columns[0].get(cells, "idNumber"),
									parsed.errors()
										.stream()
										.map((e) -> e.field() + " " + e.message())
										.reduce((a, b) -> a + "; " + b)
										.orElse("invalid"));
							return;
						}
						try {
							sink.accept(parsed.row());
						}
						catch (java.sql.SQLException ex) {
							throw new IllegalStateException("Copying the results failed", ex);
						}
					});
					if (columns[0] == null) {
						throw ApiException.invalid("file", "is empty: the first row must be a header");
					}
				}, progress);
			});
			job.result(Map.of("batchId", report.batchId(), "importId", report.importId(), "received", report.received(),
					"applied", report.applied(), "paid", report.paid(), "failed", report.failed(), "alreadyRecorded",
					report.alreadyRecorded(), "rejected", report.rejected(), "problems", report.problems()));
		}
		finally {
			Files.deleteIfExists(file);
		}
	}

	private static Columns header(List<String> cells) {
		Columns columns = Columns.locate(cells, ResultRows.COLUMNS);
		if (!columns.has("status") || !(columns.has("lineRef") || columns.has("idNumber"))) {
			throw ApiException.invalid("file", "The first row must be a header with a status column (状态) and a "
					+ "line reference (参考号) or ID number (身份证号码) column.");
		}
		return columns;
	}

}
