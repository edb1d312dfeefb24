package cn.resettlement.platform.sql;

import java.time.DayOfWeek;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ListQueryTests {

	@Test
	void addsOnlyTheFiltersThatWereGivenAndBindsEnumsByName() {
		ListQuery query = ListQuery.from("project p")
			.whereIfPresent("p.year = ?", 2024)
			.whereIfPresent("p.type = ?", null)
			.whereIfPresent("p.township_code = ?", " ")
			.whereIfPresent("p.day = ?", DayOfWeek.MONDAY)
			.where("p.status <> ?", "CANCELLED");
		assertThat(query.whereClause()).isEqualTo(" where p.year = ? and p.day = ? and p.status <> ?");
		assertThat(query.params()).containsExactly(2024, "MONDAY", "CANCELLED");
		assertThat(ListQuery.from("x").whereClause()).isEmpty();
	}

	@Test
	void escapesLikePatterns() {
		assertThat(ListQuery.escapeLike(" 50%_off\\ ")).isEqualTo("50\\%\\_off\\\\");
	}

}
