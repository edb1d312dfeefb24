package cn.resettlement.project.project;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cn.resettlement.platform.sql.ListQuery;
import cn.resettlement.platform.security.Caller;
import cn.resettlement.platform.web.ETags;
import cn.resettlement.platform.web.PageQuery;
import cn.resettlement.platform.web.PageResponse;
import cn.resettlement.project.allocation.AllocationCategory;

/**
 * The project table with its funding lines, progress reports and disbursements.
 */
@Repository
class Projects {

	private static final String FUNDING = """
			select f.*, a.category, a.year as allocation_year, a.document_no
			from project_funding f join fund_allocation a on a.id = f.allocation_id""";

	private final JdbcClient jdbc;

	Projects(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(Project p) {
		String actor = Caller.current().userId();
		Beneficiaries b = p.beneficiaries();
		this.jdbc.sql("""
				insert into project (id, code, name, type, township_code, village, year, budget_fen, implementing_unit,
				                     beneficiary_households, beneficiary_persons, relocated_households,
				                     relocated_persons, status, funding_fen, proposed_on, created_by, updated_by)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(p.id(), p.code(), p.name(), p.type().name(), p.townshipCode(), p.village(), p.year(), p.budgetFen(),
					p.implementingUnit(), b.households(), b.persons(), b.relocatedHouseholds(), b.relocatedPersons(),
					p.status().name(), p.fundingFen(), p.milestones().proposedOn(), actor, actor)
			.update();
	}

	Optional<Project> find(UUID id) {
		return this.jdbc.sql("select * from project where id = ?").param(id).query(Projects::map).optional();
	}

	/** Reads and locks a project for a change. */
	Optional<Project> lock(UUID id) {
		return this.jdbc.sql("select * from project where id = ? for update").param(id).query(Projects::map).optional();
	}

	boolean existsByCode(String code) {
		return this.jdbc.sql("select count(*) from project where code = ?").param(code).query(Long.class).single() > 0;
	}

	/**
	 * Writes the changed state of a project still at {@code expectedVersion}; 412
	 * otherwise.
	 */
	void update(Project p, long expectedVersion) {
		Milestones m = p.milestones();
		int rows = this.jdbc.sql("""
				update project set status = ?, funding_fen = ?, disbursed_fen = ?, progress_percent = ?,
				       investment_completed_fen = ?, last_reported_on = ?, report_count = ?, approved_on = ?,
				       approval_document_no = ?, notice_start_on = ?, notice_end_on = ?, started_on = ?,
				       completed_on = ?, accepted_on = ?, acceptance_document_no = ?, cancelled_on = ?,
				       cancelled_from = ?, version = version + 1, updated_at = now(), updated_by = ?
				where id = ? and version = ?""")
			.params(p.status().name(), p.fundingFen(), p.disbursedFen(), p.progressPercent(),
					p.investmentCompletedFen(), p.lastReportedOn(), p.reportCount(), m.approvedOn(),
					m.approvalDocumentNo(), m.noticeStartOn(), m.noticeEndOn(), m.startedOn(), m.completedOn(),
					m.acceptedOn(), m.acceptanceDocumentNo(), m.cancelledOn(),
					(m.cancelledFrom() != null) ? m.cancelledFrom().name() : null, Caller.current().userId(), p.id(),
					expectedVersion)
			.update();
		ETags.requireUpdated(rows);
	}

	void insertFunding(UUID id, UUID projectId, UUID allocationId, int seq, long amountFen) {
		String actor = Caller.current().userId();
		this.jdbc.sql("""
				insert into project_funding (id, project_id, allocation_id, seq, amount_fen, created_by, updated_by)
				values (?, ?, ?, ?, ?, ?, ?)""")
			.params(id, projectId, allocationId, seq, amountFen, actor, actor)
			.update();
	}

	/** Adds to a line's amount (a second draw from the same allocation). */
	void addToFunding(UUID fundingId, long fen) {
		this.jdbc
			.sql("update project_funding set amount_fen = amount_fen + ?, updated_at = now(), updated_by = ? "
					+ "where id = ?")
			.params(fen, Caller.current().userId(), fundingId)
			.update();
	}

	void spend(UUID fundingId, long fen) {
		this.jdbc
			.sql("update project_funding set spent_fen = spent_fen + ?, updated_at = now(), updated_by = ? "
					+ "where id = ?")
			.params(fen, Caller.current().userId(), fundingId)
			.update();
	}

	void release(UUID fundingId, long fen) {
		this.jdbc
			.sql("update project_funding set released_fen = released_fen + ?, updated_at = now(), updated_by = ? "
					+ "where id = ?")
			.params(fen, Caller.current().userId(), fundingId)
			.update();
	}

	List<FundingLine> fundings(UUID projectId) {
		return this.jdbc.sql(FUNDING + " where f.project_id = ? order by f.seq")
			.param(projectId)
			.query(Projects::mapFunding)
			.list();
	}

	Map<UUID, List<FundingLine>> fundings(Collection<UUID> projectIds) {
		Map<UUID, List<FundingLine>> byProject = new LinkedHashMap<>();
		if (projectIds.isEmpty()) {
			return byProject;
		}
		this.jdbc.sql(FUNDING + " where f.project_id = any(?) order by f.project_id, f.seq")
			.param(projectIds.toArray(UUID[]::new))
			.query(Projects::mapFunding)
			.list()
			.forEach((line) -> byProject.computeIfAbsent(line.projectId(), (k) -> new ArrayList<>()).add(line));
		return byProject;
	}

	void insertReport(ProgressReport r) {
		this.jdbc.sql("""
				insert into progress_report (id, project_id, seq, reported_on, progress_percent,
				                             investment_completed_fen, note, created_by)
				values (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(r.id(), r.projectId(), r.seq(), r.reportedOn(), r.progressPercent(), r.investmentCompletedFen(),
					r.note(), Caller.current().userId())
			.update();
	}

	List<ProgressReport> reports(UUID projectId) {
		return this.jdbc.sql("select * from progress_report where project_id = ? order by seq")
			.param(projectId)
			.query((rs, n) -> new ProgressReport(rs.getObject("id", UUID.class), projectId, rs.getInt("seq"),
					rs.getObject("reported_on", LocalDate.class), rs.getInt("progress_percent"),
					rs.getLong("investment_completed_fen"), rs.getString("note")))
			.list();
	}

	boolean voucherExists(String voucherNo) {
		return this.jdbc.sql("select count(*) from disbursement where voucher_no = ?")
			.param(voucherNo)
			.query(Long.class)
			.single() > 0;
	}

	void insertDisbursement(Disbursement d, List<FundingLines.Share> shares) {
		this.jdbc.sql("""
				insert into disbursement (id, project_id, amount_fen, paid_on, voucher_no, created_by)
				values (?, ?, ?, ?, ?, ?)""")
			.params(d.id(), d.projectId(), d.amountFen(), d.paidOn(), d.voucherNo(), Caller.current().userId())
			.update();
		for (FundingLines.Share share : shares) {
			this.jdbc.sql("insert into disbursement_source (disbursement_id, funding_id, amount_fen) values (?, ?, ?)")
				.params(d.id(), share.line().id(), share.fen())
				.update();
			spend(share.line().id(), share.fen());
		}
	}

	List<Disbursement> disbursements(UUID projectId) {
		Map<UUID, List<AllocationShare>> sources = new LinkedHashMap<>();
		this.jdbc.sql("""
				select s.disbursement_id, f.allocation_id, a.category, a.year, s.amount_fen
				from disbursement_source s
				join project_funding f on f.id = s.funding_id
				join fund_allocation a on a.id = f.allocation_id
				where f.project_id = ? order by f.seq""").param(projectId).query((ResultSet rs) -> {
			sources.computeIfAbsent(rs.getObject("disbursement_id", UUID.class), (k) -> new ArrayList<>())
				.add(new AllocationShare(rs.getObject("allocation_id", UUID.class),
						AllocationCategory.valueOf(rs.getString("category")), rs.getInt("year"),
						rs.getLong("amount_fen")));
		});
		return this.jdbc.sql("select * from disbursement where project_id = ? order by paid_on, created_at")
			.param(projectId)
			.query((rs, n) -> {
				UUID id = rs.getObject("id", UUID.class);
				return new Disbursement(id, projectId, rs.getLong("amount_fen"),
						rs.getObject("paid_on", LocalDate.class), rs.getString("voucher_no"),
						sources.getOrDefault(id, List.of()));
			})
			.list();
	}

	PageResponse<Project> list(ProjectFilter filter, PageQuery page) {
		ListQuery query = ListQuery.from("project p")
			.whereIfPresent("p.year = ?", filter.year())
			.whereIfPresent("p.type = ?", filter.type())
			.whereIfPresent("p.township_code = ?", filter.townshipCode())
			.whereIfPresent("p.status = ?", filter.status())
			.whereIfPresent(
					"exists (select 1 from project_funding f where f.project_id = p.id and f.allocation_id = ?)",
					filter.allocationId());
		if (filter.query() != null && !filter.query().isBlank()) {
			String like = ListQuery.escapeLike(filter.query());
			query.where("(p.code like ? escape '\\' or p.name like ? escape '\\')", like + "%", "%" + like + "%");
		}
		return query.page(this.jdbc, "p.*", "p.year desc, p.township_code, p.code", page, Projects::map);
	}

	static Project map(ResultSet rs, int row) throws SQLException {
		String cancelledFrom = rs.getString("cancelled_from");
		Milestones milestones = new Milestones(rs.getObject("proposed_on", LocalDate.class),
				rs.getObject("approved_on", LocalDate.class), rs.getString("approval_document_no"),
				rs.getObject("notice_start_on", LocalDate.class), rs.getObject("notice_end_on", LocalDate.class),
				rs.getObject("started_on", LocalDate.class), rs.getObject("completed_on", LocalDate.class),
				rs.getObject("accepted_on", LocalDate.class), rs.getString("acceptance_document_no"),
				rs.getObject("cancelled_on", LocalDate.class),
				(cancelledFrom != null) ? ProjectStatus.valueOf(cancelledFrom) : null);
		Beneficiaries beneficiaries = new Beneficiaries(rs.getObject("beneficiary_households", Integer.class),
				rs.getObject("beneficiary_persons", Integer.class), rs.getObject("relocated_households", Integer.class),
				rs.getObject("relocated_persons", Integer.class));
		return new Project(rs.getObject("id", UUID.class), rs.getString("code"), rs.getString("name"),
				ProjectType.valueOf(rs.getString("type")), rs.getString("township_code"), rs.getString("village"),
				rs.getInt("year"), rs.getLong("budget_fen"), rs.getString("implementing_unit"), beneficiaries,
				ProjectStatus.valueOf(rs.getString("status")), rs.getLong("funding_fen"), rs.getLong("disbursed_fen"),
				rs.getInt("progress_percent"), rs.getLong("investment_completed_fen"),
				rs.getObject("last_reported_on", LocalDate.class), rs.getInt("report_count"), milestones,
				rs.getLong("version"));
	}

	static FundingLine mapFunding(ResultSet rs, int row) throws SQLException {
		return new FundingLine(rs.getObject("id", UUID.class), rs.getObject("project_id", UUID.class),
				rs.getObject("allocation_id", UUID.class), rs.getInt("seq"),
				AllocationCategory.valueOf(rs.getString("category")), rs.getInt("allocation_year"),
				rs.getString("document_no"), rs.getLong("amount_fen"), rs.getLong("spent_fen"),
				rs.getLong("released_fen"));
	}

	/** What a project list is narrowed by; {@code null} means any. */
	record ProjectFilter(Integer year, ProjectType type, String townshipCode, ProjectStatus status, UUID allocationId,
			String query) {
	}

}
