package cn.resettlement.project.allocation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cn.resettlement.platform.sql.ListQuery;
import cn.resettlement.platform.security.Caller;
import cn.resettlement.platform.web.PageQuery;
import cn.resettlement.platform.web.PageResponse;

/** The fund_allocation table. */
@Repository
class FundAllocations {

	private final JdbcClient jdbc;

	FundAllocations(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(FundAllocation a) {
		String actor = Caller.current().userId();
		this.jdbc.sql("""
				insert into fund_allocation (id, year, category, document_no, title, amount_fen, issued_on,
				                             created_by, updated_by)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(a.id(), a.year(), a.category().name(), a.documentNo(), a.title(), a.amountFen(), a.issuedOn(),
					actor, actor)
			.update();
	}

	Optional<FundAllocation> find(UUID id) {
		return this.jdbc.sql("select * from fund_allocation where id = ?")
			.param(id)
			.query(FundAllocations::map)
			.optional();
	}

	Optional<FundAllocation> findByDocument(int year, AllocationCategory category, String documentNo) {
		return this.jdbc.sql("select * from fund_allocation where year = ? and category = ? and document_no = ?")
			.params(year, category.name(), documentNo)
			.query(FundAllocations::map)
			.optional();
	}

	List<FundAllocation> findByDocument(String documentNo, Integer year, AllocationCategory category) {
		StringBuilder sql = new StringBuilder("select * from fund_allocation where document_no = ?");
		List<Object> params = new ArrayList<>(List.of(documentNo));
		if (year != null) {
			sql.append(" and year = ?");
			params.add(year);
		}
		if (category != null) {
			sql.append(" and category = ?");
			params.add(category.name());
		}
		return this.jdbc.sql(sql + " order by year, category").params(params).query(FundAllocations::map).list();
	}

	/**
	 * Draws from an allocation only if its balance covers the amount: one conditional
	 * update, so the row lock it takes serialises concurrent draws and the second one
	 * re-reads the balance the first one left.
	 * @return the allocation after the draw, or empty when the balance is too small
	 */
	Optional<FundAllocation> draw(UUID id, long fen) {
		return this.jdbc.sql("""
				update fund_allocation set drawn_fen = drawn_fen + ?, version = version + 1, updated_at = now(),
				       updated_by = ?
				where id = ? and amount_fen - drawn_fen >= ?
				returning *""").params(fen, Caller.current().userId(), id, fen).query(FundAllocations::map).optional();
	}

	/** Gives back what a cancelled project did not spend. */
	FundAllocation release(UUID id, long fen) {
		return this.jdbc.sql("""
				update fund_allocation set drawn_fen = drawn_fen - ?, version = version + 1, updated_at = now(),
				       updated_by = ?
				where id = ?
				returning *""").params(fen, Caller.current().userId(), id).query(FundAllocations::map).single();
	}

	PageResponse<FundAllocation> list(Integer year, AllocationCategory category, PageQuery page) {
		return ListQuery.from("fund_allocation")
			.whereIfPresent("year = ?", year)
			.whereIfPresent("category = ?", category)
			.page(this.jdbc, "*", "year desc, issued_on, category, document_no, id", page, FundAllocations::map);
	}

	/** Allocated and drawn per category of a year. */
	List<CategoryBalance> balances(int year) {
		return this.jdbc.sql("""
				select category, count(*) as allocations, sum(amount_fen) as amount_fen, sum(drawn_fen) as drawn_fen
				from fund_allocation where year = ? group by category order by category""")
			.param(year)
			.query((rs, n) -> new CategoryBalance(AllocationCategory.valueOf(rs.getString("category")),
					rs.getInt("allocations"), rs.getLong("amount_fen"), rs.getLong("drawn_fen")))
			.list();
	}

	static FundAllocation map(ResultSet rs, int row) throws SQLException {
		return new FundAllocation(rs.getObject("id", UUID.class), rs.getInt("year"),
				AllocationCategory.valueOf(rs.getString("category")), rs.getString("document_no"),
				rs.getString("title"), rs.getLong("amount_fen"), rs.getLong("drawn_fen"),
				rs.getObject("issued_on", LocalDate.class), rs.getLong("version"));
	}

	/** What one category of a year holds. */
	record CategoryBalance(AllocationCategory category, int allocations, long amountFen, long drawnFen) {
	}

}
