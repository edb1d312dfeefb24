package cn.resettlement.training.vocational;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cn.resettlement.platform.sql.ListQuery;
import cn.resettlement.platform.security.Caller;
import cn.resettlement.platform.web.PageQuery;
import cn.resettlement.platform.web.PageResponse;

/** The vocational_subsidy table. */
@Repository
class VocationalSubsidies {

	private final JdbcClient jdbc;

	VocationalSubsidies(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * @return whether the grant was written; false when the student already has one for
	 * that academic year
	 */
	boolean insert(VocationalSubsidy s) {
		return this.jdbc.sql("""
				insert into vocational_subsidy (id, id_number, migrant_id, name, household_id, township_code, school,
				                                programme, level, academic_year, year, amount_fen, late_claim,
				                                created_by)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				on conflict (id_number, academic_year) do nothing""")
			.params(s.id(), s.idNumber(), s.migrantId(), s.name(), s.householdId(), s.townshipCode(), s.school(),
					s.programme(), s.level().name(), s.academicYear(), s.year(), s.amountFen(), s.lateClaim(),
					Caller.current().userId())
			.update() == 1;
	}

	Optional<VocationalSubsidy> find(UUID id) {
		return this.jdbc.sql("select * from vocational_subsidy where id = ?")
			.param(id)
			.query(VocationalSubsidies::map)
			.optional();
	}

	List<VocationalSubsidy> ofStudent(String idNumber, String townshipCode) {
		return this.jdbc
			.sql("select * from vocational_subsidy where id_number = ? and (?::text is null or township_code = ?) "
					+ "order by academic_year")
			.params(idNumber, townshipCode, townshipCode)
			.query(VocationalSubsidies::map)
			.list();
	}

	PageResponse<VocationalSubsidy> list(Integer year, String townshipCode, Boolean lateClaim, PageQuery page) {
		return ListQuery.from("vocational_subsidy")
			.whereIfPresent("year = ?", year)
			.whereIfPresent("township_code = ?", townshipCode)
			.whereIfPresent("late_claim = ?", lateClaim)
			.page(this.jdbc, "*", "year desc, created_at, id", page, VocationalSubsidies::map);
	}

	static VocationalSubsidy map(ResultSet rs, int row) throws SQLException {
		return new VocationalSubsidy(rs.getObject("id", UUID.class), rs.getString("id_number"),
				rs.getObject("migrant_id", UUID.class), rs.getString("name"), rs.getObject("household_id", UUID.class),
				rs.getString("township_code"), rs.getString("school"), rs.getString("programme"),
				VocationalLevel.valueOf(rs.getString("level")), rs.getString("academic_year"), rs.getInt("year"),
				rs.getLong("amount_fen"), rs.getBoolean("late_claim"));
	}

}
