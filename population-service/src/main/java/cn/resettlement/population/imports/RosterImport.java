package cn.resettlement.population.imports;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import cn.resettlement.platform.config.PlatformProperties;
import cn.resettlement.platform.jobs.JobContext;
import cn.resettlement.platform.security.Caller;
import cn.resettlement.platform.tabular.RowSource;
import cn.resettlement.platform.tabular.TabularFileException;
import cn.resettlement.platform.tabular.TabularFiles;

/**
 * Imports a township roster file as a job: streams its rows, validates each one (errors
 * are reported per row and field, valid rows are kept) and writes them in chunks.
 */
@Component
class RosterImport {

	static final int CHUNK = 5_000;

	private final ImportWriter writer;

	private final Clock clock;

	private final String unitCode;

	RosterImport(ImportWriter writer, Clock clock, PlatformProperties properties) {
		this.writer = writer;
		this.clock = clock;
		this.unitCode = properties.unitCode();
	}

	/** Runs the import of a file that the job owns (it is deleted at the end). */
	void run(Path file, JobContext job) throws IOException, SQLException {
		try {
			RowSource source = TabularFiles.open(file);
			long estimate = TabularFiles.estimateRows(file);
			if (estimate >= 0) {
				job.total(estimate);
			}
			Caller caller = Caller.current();
			LocalDate today = LocalDate.now(this.clock);
			Totals totals = new Totals();
			List<ImportRow> chunk = new ArrayList<>(CHUNK);
			Map<Columns, Integer>[] columns = new Map[1];
			IOException[] failure = new IOException[1];
			SQLException[] sqlFailure = new SQLException[1];
			source.read((rowNumber, cells) -> {
				if (columns[0] == null) {
					columns[0] = Columns.locate(cells);
					return;
				}
				totals.rows++;
				ImportRow.Parsed parsed = ImportRow.parse(rowNumber, cells, columns[0], this.unitCode, today);
				if (parsed.row() == null) {
					parsed.errors().forEach((e) -> job.error(rowNumber, e.field(), e.message()));
					totals.rejected++;
					job.advance(1);
					return;
				}
				if (caller.confinedToTownship() && !parsed.row().townshipCode().equals(caller.township())) {
					job.error(rowNumber, "townshipCode", "township officers may only import their own township");
					totals.rejected++;
					job.advance(1);
					return;
				}
				chunk.add(parsed.row());
				if (chunk.size() == CHUNK) {
					flush(chunk, totals, job);
				}
			});
			if (columns[0] == null) {
				throw new TabularFileException("The file is empty: the first row must be a header.");
			}
			flush(chunk, totals, job);
			if (totals.created > 0) {
				this.writer.refreshStatistics();
			}
			job.total(totals.rows);
			job.result(Map.of("rows", totals.rows, "created", totals.created, "alreadyRegistered",
					totals.alreadyRegistered, "householdsCreated", totals.households, "rejected", totals.rejected));
		}
		finally {
			Files.deleteIfExists(file);
		}
	}

	private void flush(List<ImportRow> chunk, Totals totals, JobContext job) {
		if (chunk.isEmpty()) {
			return;
		}
		ImportWriter.ChunkResult result;
		try {
			result = this.writer.write(chunk);
		}
		catch (IOException | SQLException ex) {
			throw new IllegalStateException("Writing rows failed: " + ex.getMessage(), ex);
		}
		totals.created += result.created();
		totals.alreadyRegistered += result.alreadyRegistered();
		totals.households += result.householdsCreated();
		totals.rejected += result.rejected().size();
		result.rejected().forEach((row, error) -> job.error(row, error.field(), error.message()));
		job.advance(chunk.size());
		chunk.clear();
	}

	private static final class Totals {

		long rows;

		long created;

		long alreadyRegistered;

		long households;

		long rejected;

	}

}
