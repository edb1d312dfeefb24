package cn.resettlement.training.trainingclass;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cn.resettlement.platform.sql.ListQuery;
import cn.resettlement.platform.security.Caller;
import cn.resettlement.platform.web.ApiException;
import cn.resettlement.platform.web.PageQuery;
import cn.resettlement.platform.web.PageResponse;

/** The training_class table. */
@Repository
public class TrainingClasses {

	private static final String COLUMNS = """
			c.*,
			(select count(*) from enrollment e where e.class_id = c.id) as enrolled,
			(select count(*) from enrollment e where e.class_id = c.id and e.status = 'COMPLETED') as completed""";

	private static final String SELECT = "select " + COLUMNS + " from training_class c";

	private final JdbcClient jdbc;

	TrainingClasses(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<TrainingClass> find(UUID id) {
		return this.jdbc.sql(SELECT + " where c.id = ?").param(id).query(TrainingClasses::map).optional();
	}

	/** The class, or 404. */
	public TrainingClass get(UUID id) {
		return find(id).orElseThrow(() -> ApiException.notFound("Training class", id));
	}

	/**
	 * Locks the class row for a change of the class or its trainees or funds, and reads
	 * it; 404 when there is no such class.
	 */
	public TrainingClass lock(UUID id) {
		this.jdbc.sql("select id from training_class where id = ? for update")
			.param(id)
			.query(UUID.class)
			.optional()
			.orElseThrow(() -> ApiException.notFound("Training class", id));
		return get(id);
	}

	void insert(TrainingClass c) {
		String actor = Caller.current().userId();
		this.jdbc.sql("""
				insert into training_class (id, category, title, year, start_date, end_date, location, provider,
				                            budget_fen, status, created_by, updated_by)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(c.id(), c.category().name(), c.title(), c.year(), c.startDate(), c.endDate(), c.location(),
					c.provider(), c.budgetFen(), c.status().name(), actor, actor)
			.update();
	}

	/** Moves a locked class to a new status. */
	public void changeStatus(UUID id, ClassStatus status, LocalDate completedOn) {
		this.jdbc.sql("""
				update training_class set status = ?, completed_on = ?, version = version + 1, updated_at = now(),
				       updated_by = ?
				where id = ?""").params(status.name(), completedOn, Caller.current().userId(), id).update();
	}

	/** Adds a disbursement to a locked class's running total. */
	public void addDisbursed(UUID id, long amountFen) {
		this.jdbc.sql("""
				update training_class set disbursed_fen = disbursed_fen + ?, version = version + 1, updated_at = now(),
				       updated_by = ?
				where id = ?""").params(amountFen, Caller.current().userId(), id).update();
	}

	PageResponse<TrainingClass> list(Integer year, TrainingCategory category, ClassStatus status, PageQuery page) {
		return ListQuery.from("training_class c")
			.whereIfPresent("c.year = ?", year)
			.whereIfPresent("c.category = ?", category)
			.whereIfPresent("c.status = ?", status)
			.page(this.jdbc, COLUMNS, "c.year desc, c.start_date, c.id", page, TrainingClasses::map);
	}

	static TrainingClass map(ResultSet rs, int row) throws SQLException {
		return new TrainingClass(rs.getObject("id", UUID.class), TrainingCategory.valueOf(rs.getString("category")),
				rs.getString("title"), rs.getInt("year"), rs.getObject("start_date", LocalDate.class),
				rs.getObject("end_date", LocalDate.class), rs.getString("location"), rs.getString("provider"),
				rs.getLong("budget_fen"), rs.getLong("disbursed_fen"), ClassStatus.valueOf(rs.getString("status")),
				rs.getObject("completed_on", LocalDate.class), rs.getLong("enrolled"), rs.getLong("completed"),
				rs.getLong("version"));
	}

}
