package cn.resettlement.platform.web;

/**
 * Offset paging as the API contract has it: {@code ?page=0&size=50}, size at most 500.
 *
 * @param page zero-based page
 * @param size items per page
 */
public record PageQuery(int page, int size) {

	public static final int MAX_SIZE = 500;

	public PageQuery {
		if (page < 0) {
			throw ApiException.invalid("page", "must be 0 or more");
		}
		if (size < 1 || size > MAX_SIZE) {
			throw ApiException.invalid("size", "must be between 1 and " + MAX_SIZE);
		}
	}

	public static PageQuery of(Integer page, Integer size) {
		return new PageQuery((page != null) ? page : 0, (size != null) ? size : 50);
	}

	public long offset() {
		return (long) this.page * this.size;
	}

}
