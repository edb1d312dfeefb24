package cn.resettlement.training.enrollment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cn.resettlement.platform.sql.ListQuery;
import cn.resettlement.platform.security.Caller;
import cn.resettlement.platform.web.PageQuery;
import cn.resettlement.platform.web.PageResponse;
import cn.resettlement.training.integration.RegisteredPerson;

/**
 * The enrollment table; bulk changes are set-based (arrays unnested in one statement).
 */
@Repository
class Enrollments {

	private final JdbcClient jdbc;

	Enrollments(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Enrols persons who are not yet enrolled in the class.
	 * @return the enrolments created; persons already enrolled are left out
	 */
	List<Enrollment> insertNew(UUID classId, Collection<RegisteredPerson> persons) {
		if (persons.isEmpty()) {
			return List.of();
		}
		int n = persons.size();
		String[] ids = new String[n];
		String[] idNumbers = new String[n];
		String[] migrants = new String[n];
		String[] names = new String[n];
		String[] households = new String[n];
		String[] townships = new String[n];
		int i = 0;
		for (RegisteredPerson p : persons) {
			ids[i] = UUID.randomUUID().toString();
			idNumbers[i] = p.idNumber();
			migrants[i] = p.migrantId().toString();
			names[i] = p.name();
			households[i] = p.householdId().toString();
			townships[i] = p.townshipCode();
			i++;
		}
		String actor = Caller.current().userId();
		return this.jdbc.sql("""
				insert into enrollment (id, class_id, id_number, migrant_id, name, household_id, township_code, status,
				                        created_by, updated_by)
				select u.id, ?, u.id_number, u.migrant_id, u.name, u.household_id, u.township_code, 'ENROLLED', ?, ?
				from unnest(?::uuid[], ?::text[], ?::uuid[], ?::text[], ?::uuid[], ?::text[])
				     with ordinality as u(id, id_number, migrant_id, name, household_id, township_code, ord)
				order by u.ord
				on conflict (class_id, id_number) do nothing
				returning *""")
			.params(classId, actor, actor, ids, idNumbers, migrants, names, households, townships)
			.query(Enrollments::map)
			.list();
	}

	Optional<Enrollment> find(UUID classId, UUID id) {
		return this.jdbc.sql("select * from enrollment where class_id = ? and id = ?")
			.params(classId, id)
			.query(Enrollments::map)
			.optional();
	}

	/** Which of these ID numbers are enrolled in the class. */
	Set<String> enrolled(UUID classId, Collection<String> idNumbers) {
		if (idNumbers.isEmpty()) {
			return Set.of();
		}
		return new HashSet<>(this.jdbc.sql("select id_number from enrollment where class_id = ? and id_number = any(?)")
			.params(classId, idNumbers.toArray(String[]::new))
			.query(String.class)
			.list());
	}

	/**
	 * Records trainees as completed (结业), with certificate number and attended days where
	 * given.
	 * @return the ID numbers that were enrolled and are now completed
	 */
	Set<String> markCompleted(UUID classId, List<CompletionRow> rows) {
		if (rows.isEmpty()) {
			return Set.of();
		}
		String[] idNumbers = rows.stream().map(CompletionRow::idNumber).toArray(String[]::new);
		String[] certificates = rows.stream().map(CompletionRow::certificateNo).toArray(String[]::new);
		Integer[] days = rows.stream().map(CompletionRow::attendedDays).toArray(Integer[]::new);
		return new HashSet<>(this.jdbc.sql("""
				update enrollment e
				set status = 'COMPLETED', certificate_no = coalesce(u.certificate_no, e.certificate_no),
				    attended_days = coalesce(u.attended_days, e.attended_days), version = e.version + 1,
				    updated_at = now(), updated_by = ?
				from unnest(?::text[], ?::text[], ?::int[]) as u(id_number, certificate_no, attended_days)
				where e.class_id = ? and e.id_number = u.id_number
				returning e.id_number""")
			.params(Caller.current().userId(), idNumbers, certificates, days, classId)
			.query(String.class)
			.list());
	}

	/**
	 * Closes the trainee list of a completing class: the given ID numbers (and those
	 * already recorded as completed) are COMPLETED, everyone else NOT_COMPLETED.
	 */
	void settle(UUID classId, Collection<String> completedIdNumbers) {
		this.jdbc.sql("""
				update enrollment
				set status = case when status = 'COMPLETED' or id_number = any(?) then 'COMPLETED'
				                  else 'NOT_COMPLETED' end,
				    version = version + 1, updated_at = now(), updated_by = ?
				where class_id = ?""")
			.params(completedIdNumbers.toArray(String[]::new), Caller.current().userId(), classId)
			.update();
	}

	List<Enrollment> completed(UUID classId) {
		return this.jdbc.sql("select * from enrollment where class_id = ? and status = 'COMPLETED' order by id_number")
			.param(classId)
			.query(Enrollments::map)
			.list();
	}

	/** Writes a trainee's attendance, certificate and status if still at the version. */
	int update(Enrollment e, long expectedVersion) {
		return this.jdbc.sql("""
				update enrollment set status = ?, attended_days = ?, certificate_no = ?, version = version + 1,
				       updated_at = now(), updated_by = ?
				where id = ? and version = ?""")
			.params(e.status().name(), e.attendedDays(), e.certificateNo(), Caller.current().userId(), e.id(),
					expectedVersion)
			.update();
	}

	PageResponse<Enrollment> list(UUID classId, String townshipCode, EnrollmentStatus status, PageQuery page) {
		return ListQuery.from("enrollment")
			.where("class_id = ?", classId)
			.whereIfPresent("township_code = ?", townshipCode)
			.whereIfPresent("status = ?", status)
			.page(this.jdbc, "*", "created_at, id", page, Enrollments::map);
	}

	static Enrollment map(ResultSet rs, int row) throws SQLException {
		int days = rs.getInt("attended_days");
		Integer attended = rs.wasNull() ? null : days;
		return new Enrollment(rs.getObject("id", UUID.class), rs.getObject("class_id", UUID.class),
				rs.getString("id_number"), rs.getObject("migrant_id", UUID.class), rs.getString("name"),
				rs.getObject("household_id", UUID.class), rs.getString("township_code"),
				EnrollmentStatus.valueOf(rs.getString("status")), attended, rs.getString("certificate_no"),
				rs.getLong("version"));
	}

	/**
	 * One trainee of a completion list.
	 *
	 * @param idNumber ID number
	 * @param certificateNo certificate number, or {@code null}
	 * @param attendedDays days attended, or {@code null}
	 */
	record CompletionRow(String idNumber, String certificateNo, Integer attendedDays) {
	}

}
