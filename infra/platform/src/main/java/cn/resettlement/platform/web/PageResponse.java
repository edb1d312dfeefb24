package cn.resettlement.platform.web;

import java.util.List;
import java.util.function.Function;

/** A page of a list: {@code {items, page, size, total}}. */
public record PageResponse<T>(List<T> items, int page, int size, long total) {

	public static <T> PageResponse<T> of(List<T> items, PageQuery query, long total) {
		return new PageResponse<>(items, query.page(), query.size(), total);
	}

	public <R> PageResponse<R> map(Function<T, R> mapper) {
		return new PageResponse<>(this.items.stream().map(mapper).toList(), this.page, this.size, this.total);
	}

}
