package cn.resettlement.project.asset;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cn.resettlement.platform.security.Caller;
import cn.resettlement.platform.web.PageQuery;
import cn.resettlement.platform.web.PageResponse;

/** The asset_ledger, asset_income and dividend tables. */
@Repository
class AssetLedgers {

	private final JdbcClient jdbc;

	AssetLedgers(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<AssetLedger> find(String asset, int year) {
		return this.jdbc.sql("select * from asset_ledger where asset = ? and year = ?")
			.params(asset, year)
			.query(AssetLedgers::map)
			.optional();
	}

	/** Reads and locks the ledger of an asset and year. */
	Optional<AssetLedger> lock(String asset, int year) {
		return this.jdbc.sql("select * from asset_ledger where asset = ? and year = ? for update")
			.params(asset, year)
			.query(AssetLedgers::map)
			.optional();
	}

	/** Adds income, creating the ledger of the asset and year on its first income. */
	AssetLedger receive(String asset, int year, long fen) {
		String actor = Caller.current().userId();
		return this.jdbc.sql("""
				insert into asset_ledger (asset, year, income_fen, created_by, updated_by) values (?, ?, ?, ?, ?)
				on conflict (asset, year) do update
				set income_fen = asset_ledger.income_fen + excluded.income_fen, version = asset_ledger.version + 1,
				    updated_at = now(), updated_by = excluded.updated_by
				returning *""").params(asset, year, fen, actor, actor).query(AssetLedgers::map).single();
	}

	/**
	 * Pays a dividend only if the undistributed income covers it (one conditional update:
	 * concurrent payments are serialised by its row lock).
	 * @return the ledger after the payment, or empty when the income does not cover it
	 */
	Optional<AssetLedger> pay(String asset, int year, long fen) {
		return this.jdbc.sql("""
				update asset_ledger set dividends_fen = dividends_fen + ?, version = version + 1, updated_at = now(),
				       updated_by = ?
				where asset = ? and year = ? and income_fen - dividends_fen >= ?
				returning *""")
			.params(fen, Caller.current().userId(), asset, year, fen)
			.query(AssetLedgers::map)
			.optional();
	}

	void insertIncome(AssetIncome income) {
		this.jdbc.sql("""
				insert into asset_income (id, asset, year, amount_fen, received_on, created_by)
				values (?, ?, ?, ?, ?, ?)""")
			.params(income.id(), income.asset(), income.year(), income.amountFen(), income.receivedOn(),
					Caller.current().userId())
			.update();
	}

	void insertDividend(Dividend dividend) {
		this.jdbc.sql("""
				insert into dividend (id, asset, year, amount_fen, paid_on, recipients, created_by)
				values (?, ?, ?, ?, ?, ?, ?)""")
			.params(dividend.id(), dividend.asset(), dividend.year(), dividend.amountFen(), dividend.paidOn(),
					dividend.recipients(), Caller.current().userId())
			.update();
	}

	PageResponse<AssetIncome> incomes(String asset, Integer year, PageQuery page) {
		Where where = where(asset, year);
		long total = count("asset_income", where);
		return PageResponse.of(this.jdbc
			.sql("select * from asset_income" + where.sql() + " order by received_on desc, id limit ? offset ?")
			.params(where.paged(page))
			.query((rs, n) -> new AssetIncome(rs.getObject("id", UUID.class), rs.getString("asset"), rs.getInt("year"),
					rs.getLong("amount_fen"), rs.getObject("received_on", LocalDate.class)))
			.list(), page, total);
	}

	PageResponse<Dividend> dividends(String asset, Integer year, PageQuery page) {
		Where where = where(asset, year);
		long total = count("dividend", where);
		return PageResponse
			.of(this.jdbc.sql("select * from dividend" + where.sql() + " order by paid_on desc, id limit ? offset ?")
				.params(where.paged(page))
				.query((rs, n) -> new Dividend(rs.getObject("id", UUID.class), rs.getString("asset"), rs.getInt("year"),
						rs.getLong("amount_fen"), rs.getObject("paid_on", LocalDate.class), rs.getInt("recipients")))
				.list(), page, total);
	}

	List<AssetLedger> ledgers(Integer year) {
		Where where = where(null, year);
		return this.jdbc.sql("select * from asset_ledger" + where.sql() + " order by year desc, asset")
			.params(where.params())
			.query(AssetLedgers::map)
			.list();
	}

	private long count(String table, Where where) {
		return this.jdbc.sql("select count(*) from " + table + where.sql())
			.params(where.params())
			.query(Long.class)
			.single();
	}

	private static Where where(String asset, Integer year) {
		StringBuilder sql = new StringBuilder(" where true");
		List<Object> params = new ArrayList<>();
		if (asset != null && !asset.isBlank()) {
			sql.append(" and asset = ?");
			params.add(asset.strip());
		}
		if (year != null) {
			sql.append(" and year = ?");
			params.add(year);
		}
		return new Where(sql.toString(), params);
	}

	static AssetLedger map(ResultSet rs, int row) throws SQLException {
		return new AssetLedger(rs.getString("asset"), rs.getInt("year"), rs.getLong("income_fen"),
				rs.getLong("dividends_fen"));
	}

	private record Where(String sql, List<Object> params) {

		List<Object> paged(PageQuery page) {
			List<Object> all = new ArrayList<>(this.params);
			all.add(page.size());
			all.add(page.offset());
			return all;
		}

	}

}
