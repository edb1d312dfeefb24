package cn.resettlement.training.plan;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cn.resettlement.platform.security.Caller;
import cn.resettlement.training.trainingclass.TrainingCategory;

/** The training_plan and training_plan_item tables. */
@Repository
class TrainingPlans {

	private final JdbcClient jdbc;

	TrainingPlans(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<TrainingPlan> find(int year) {
		return this.jdbc.sql("select version from training_plan where year = ?")
			.param(year)
			.query(Long.class)
			.optional()
			.map((version) -> new TrainingPlan(year, items(year), version));
	}

	/** Locks the year's plan row, if there is one, and returns its version. */
	Optional<Long> lockVersion(int year) {
		return this.jdbc.sql("select version from training_plan where year = ? for update")
			.param(year)
			.query(Long.class)
			.optional();
	}

	/** Creates the plan row; false when another request created it first. */
	boolean create(int year) {
		String actor = Caller.current().userId();
		return this.jdbc.sql("""
				insert into training_plan (year, created_by, updated_by) values (?, ?, ?)
				on conflict (year) do nothing""").params(year, actor, actor).update() == 1;
	}

	void touch(int year) {
		this.jdbc
			.sql("update training_plan set version = version + 1, updated_at = now(), updated_by = ? where year = ?")
			.params(Caller.current().userId(), year)
			.update();
	}

	void replaceItems(int year, List<TrainingPlan.Item> items) {
		this.jdbc.sql("delete from training_plan_item where year = ?").param(year).update();
		for (TrainingPlan.Item item : items) {
			this.jdbc.sql("""
					insert into training_plan_item (year, category, planned_classes, planned_person_times)
					values (?, ?, ?, ?)""")
				.params(year, item.category().name(), item.plannedClasses(), item.plannedPersonTimes())
				.update();
		}
	}

	private List<TrainingPlan.Item> items(int year) {
		return this.jdbc.sql("select * from training_plan_item where year = ? order by category")
			.param(year)
			.query((rs, n) -> new TrainingPlan.Item(TrainingCategory.valueOf(rs.getString("category")),
					rs.getInt("planned_classes"), rs.getInt("planned_person_times")))
			.list();
	}

}
