package cn.resettlement.petition.ledger;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import cn.resettlement.petition.cases.Category;
import cn.resettlement.petition.cases.Channel;
import cn.resettlement.petition.cases.PetitionStatus;
import cn.resettlement.platform.web.ApiException;

/**
 * Which petitions a ledger (台账) query covers. Every criterion is optional.
 *
 * @param from first day of receipt
 * @param to last day of receipt
 * @param townshipCode township (an officer's own, enforced by the caller)
 * @param category what petitions are about
 * @param status where they stand
 * @param channel how they came in
 * @param collective only collective (true) or only individual (false) petitions
 * @param overdue only petitions whose running deadline has passed (true), or only the
 * others (false)
 */
record LedgerFilter(LocalDate from, LocalDate to, String townshipCode, Category category, PetitionStatus status,
		Channel channel, Boolean collective, Boolean overdue) {

	/**
	 * A filter from request parameters; {@code year} is a shorthand for the receipt dates
	 * of one year.
	 */
	static LedgerFilter of(Integer year, LocalDate from, LocalDate to, String townshipCode, Category category,
			PetitionStatus status, Channel channel, Boolean collective, Boolean overdue) {
		if (year != null) {
			if (from != null || to != null) {
				throw ApiException.invalid("year", "give either a year or from/to, not both");
			}
			if (year < 2000 || year > 2100) {
				throw ApiException.invalid("year", "must be between 2000 and 2100");
			}
			from = LocalDate.of(year, 1, 1);
			to = LocalDate.of(year, 12, 31);
		}
		if (from != null && to != null && from.isAfter(to)) {
			throw ApiException.invalid("to", "must not be before from");
		}
		if (townshipCode != null && !townshipCode.matches("[0-9]{9}")) {
			throw ApiException.invalid("townshipCode", "must be a 9-digit township code");
		}
		return new LedgerFilter(from, to, townshipCode, category, status, channel, collective, overdue);
	}

	/** The filter confined to one township (an officer's). */
	LedgerFilter inTownship(String township) {
		return new LedgerFilter(this.from, this.to, township, this.category, this.status, this.channel, this.collective,
				this.overdue);
	}

	/**
	 * A SQL condition on table alias {@code p} and its parameters.
	 * @param today the date "overdue" is judged on
	 */
	Where where(LocalDate today) {
		StringBuilder sql = new StringBuilder(" where true");
		List<Object> params = new ArrayList<>();
		if (this.from != null) {
			sql.append(" and p.received_on >= ?");
			params.add(this.from);
		}
		if (this.to != null) {
			sql.append(" and p.received_on <= ?");
			params.add(this.to);
		}
		if (this.townshipCode != null) {
			sql.append(" and p.township_code = ?");
			params.add(this.townshipCode);
		}
		if (this.category != null) {
			sql.append(" and p.category = ?");
			params.add(this.category.name());
		}
		if (this.status != null) {
			sql.append(" and p.status = ?");
			params.add(this.status.name());
		}
		if (this.channel != null) {
			sql.append(" and p.channel = ?");
			params.add(this.channel.name());
		}
		if (this.collective != null) {
			sql.append(" and p.collective = ?");
			params.add(this.collective);
		}
		if (this.overdue != null) {
			sql.append(this.overdue ? " and p.current_due < ?" : " and (p.current_due is null or p.current_due >= ?)");
			params.add(today);
		}
		return new Where(sql.toString(), params);
	}

	/**
	 * @param sql the condition, starting with {@code where}
	 * @param params its parameters in order
	 */
	record Where(String sql, List<Object> params) {
	}

}
