package cn.resettlement.platform.sql;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.resettlement.platform.web.PageQuery;
import cn.resettlement.platform.web.PageResponse;

/**
 * A filtered, paged list query: conditions are added only for the filters a client sent,
 * values always travel as bind parameters, and the page and its total come from the same
 * conditions.
 *
 * <pre>
 * return ListQuery.from("project p")
 * 	.whereIfPresent("p.year = ?", year)
 * 	.whereIfPresent("p.status = ?", status)
 * 	.page(jdbc, "p.*", "p.year desc, p.code", page, Projects::map);
 * </pre>
 */
public final class ListQuery {

	private final String from;

	private final StringBuilder where = new StringBuilder();

	private final List<Object> params = new ArrayList<>();

	private ListQuery(String from) {
		this.from = from;
	}

	/**
	 * @param from the FROM clause, e.g.
	 * {@code migrant m join household h on h.id = m.household_id}
	 */
	public static ListQuery from(String from) {
		return new ListQuery(from);
	}

	/** Adds a condition with its bind values (enums are bound by name). */
	public ListQuery where(String condition, Object... values) {
		this.where.append(this.where.isEmpty() ? " where " : " and ").append(condition);
		Arrays.stream(values).map(ListQuery::bindable).forEach(this.params::add);
		return this;
	}

	/** Adds {@code condition} (one {@code ?}) only when the filter value was given. */
	public ListQuery whereIfPresent(String condition, Object value) {
		return (value == null || (value instanceof String text && text.isBlank())) ? this : where(condition, value);
	}

	/**
	 * {@code text} made safe for {@code LIKE ... ESCAPE '\'}: the client's % and _ match
	 * themselves.
	 */
	public static String escapeLike(String text) {
		return text.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

	public long count(JdbcClient jdbc) {
		return jdbc.sql("select count(*) from " + this.from + this.where)
			.params(this.params)
			.query(Long.class)
			.single();
	}

	public <T> List<T> list(JdbcClient jdbc, String columns, String orderBy, PageQuery page, RowMapper<T> mapper) {
		List<Object> pageParams = new ArrayList<>(this.params);
		pageParams.add(page.size());
		pageParams.add(page.offset());
		return jdbc
			.sql("select " + columns + " from " + this.from + this.where + " order by " + orderBy + " limit ? offset ?")
			.params(pageParams)
			.query(mapper)
			.list();
	}

	/** One page of the list and the total across all pages. */
	public <T> PageResponse<T> page(JdbcClient jdbc, String columns, String orderBy, PageQuery page,
			RowMapper<T> mapper) {
		return PageResponse.of(list(jdbc, columns, orderBy, page, mapper), page, count(jdbc));
	}

	String whereClause() {
		return this.where.toString();
	}

	List<Object> params() {
		return List.copyOf(this.params);
	}

	private static Object bindable(Object value) {
		return (value instanceof Enum<?> constant) ? constant.name() : value;
	}

}
