package cn.resettlement.reporting.ingest;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import cn.resettlement.platform.events.Inbox;

/** Drops the read models (never the profile, narratives, indicators or snapshots). */
@Repository
public class ReadModels {

	private static final String TABLES = "rm_allocation, rm_project, rm_asset_income, rm_dividend, rm_migrant, "
			+ "rm_adjustment, rm_subsidy_policy, rm_subsidy_person, rm_delta, rm_training_class, "
			+ "rm_training_disbursement, rm_vocational_grant, rm_training_plan, rm_petition, rm_partition_progress";

	private final JdbcClient jdbc;

	private final Inbox inbox;

	ReadModels(JdbcClient jdbc, Inbox inbox) {
		this.jdbc = jdbc;
		this.inbox = inbox;
	}

	/**
	 * Empties every read model and forgets which events were applied, in one transaction,
	 * so that replaying the topics applies each event again exactly once.
	 */
	@Transactional
	public void drop() {
		this.jdbc.sql("truncate table " + TABLES).update();
		this.jdbc.sql("delete from inbox_event where consumer = ?").param(this.inbox.consumer()).update();
	}

}
