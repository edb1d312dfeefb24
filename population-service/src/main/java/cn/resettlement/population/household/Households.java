package cn.resettlement.population.household;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cn.resettlement.platform.security.Caller;
import cn.resettlement.platform.sql.ListQuery;
import cn.resettlement.platform.web.PageQuery;
import cn.resettlement.platform.web.PageResponse;

/** The household table. */
@Repository
public class Households {

	private final JdbcClient jdbc;

	Households(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<Household> find(UUID id) {
		return this.jdbc.sql("select * from household where id = ?").param(id).query(Households::map).optional();
	}

	public boolean existsByNumber(String householdNo) {
		return this.jdbc.sql("select count(*) from household where household_no = ?")
			.param(householdNo)
			.query(Long.class)
			.single() > 0;
	}

	void insert(Household h) {
		String actor = Caller.current().userId();
		this.jdbc.sql("""
				insert into household (id, household_no, township_code, village, reservoir, area_type, relocated_on,
				                       address, created_by, updated_by)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(h.id(), h.householdNo(), h.townshipCode(), h.village(), h.reservoir(), h.areaType().name(),
					h.relocatedOn(), h.address(), actor, actor)
			.update();
	}

	PageResponse<Household> list(String townshipCode, PageQuery page) {
		return ListQuery.from("household")
			.whereIfPresent("township_code = ?", townshipCode)
			.page(this.jdbc, "*", "household_no", page, Households::map);
	}

	public static Household map(ResultSet rs, int row) throws SQLException {
		return new Household(rs.getObject("id", UUID.class), rs.getString("household_no"),
				rs.getString("township_code"), rs.getString("village"), rs.getString("reservoir"),
				AreaType.valueOf(rs.getString("area_type")), rs.getObject("relocated_on", java.time.LocalDate.class),
				rs.getString("address"), rs.getLong("version"));
	}

}
