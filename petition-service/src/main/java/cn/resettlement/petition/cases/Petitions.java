package cn.resettlement.petition.cases;

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

import cn.resettlement.platform.security.Caller;
import cn.resettlement.platform.web.ETags;

/** The petition and petitioner tables. */
@Repository
public class Petitions {

	private final JdbcClient jdbc;

	Petitions(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<Petition> find(UUID id) {
		return one("select * from petition where id = ?", id);
	}

	/** Reads and locks a petition for a change. */
	Optional<Petition> lock(UUID id) {
		return one("select * from petition where id = ? for update", id);
	}

	/**
	 * Petitions by id with their petitioners, in no particular order (for events and
	 * pages).
	 */
	public List<Petition> findAll(Collection<UUID> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		List<Row> rows = this.jdbc.sql("select * from petition where id = any(?)")
			.param(ids.toArray(UUID[]::new))
			.query(Petitions::row)
			.list();
		Map<UUID, List<Petitioner>> petitioners = petitioners(ids);
		return rows.stream().map((r) -> r.toPetition(petitioners.getOrDefault(r.id(), List.of()))).toList();
	}

	/** Whether a petition of this matter was already re-reviewed (复核): final. */
	boolean matterFinallyDecided(UUID matterId) {
		return this.jdbc.sql("select exists (select 1 from petition where matter_id = ? and status = 'RE_REVIEWED')")
			.param(matterId)
			.query(Boolean.class)
			.single();
	}

	/** The next case number of a year of receipt: XF2024-0001, XF2024-0002 ... */
	String nextCaseNo(int year) {
		int next = this.jdbc.sql("""
				insert into case_counter (year, last_value) values (?, 1)
				on conflict (year) do update set last_value = case_counter.last_value + 1, updated_at = now()
				returning last_value""").param(year).query(Integer.class).single();
		return "XF%d-%04d".formatted(year, next);
	}

	void insert(Petition p) {
		String actor = Caller.current().userId();
		Intake in = p.intake();
		Optional<Deadline> deadline = p.currentDeadline();
		this.jdbc.sql("""
				insert into petition (id, case_no, received_on, channel, source, source_body, source_reference,
				                      person_count, township_code, category, summary, repeat_of, matter_id, status,
				                      accept_due, deadline_kind, current_due, created_by, updated_by)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(p.id(), p.caseNo(), in.receivedOn(), in.channel().name(), in.source().name(), in.sourceBody(),
					in.sourceReference(), in.personCount(), in.townshipCode(), in.category().name(), in.summary(),
					in.repeatOf(), in.matterId(), p.status().name(), p.acceptDue(),
					deadline.map((d) -> d.kind().name()).orElse(null), deadline.map(Deadline::due).orElse(null), actor,
					actor)
			.update();
		int position = 0;
		for (Petitioner petitioner : p.petitioners()) {
			this.jdbc
				.sql("""
						insert into petitioner (id, petition_id, position, name, id_number, migrant_id, created_by, updated_by)
						values (?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(petitioner.id(), p.id(), position++, petitioner.name(), petitioner.idNumber(),
						petitioner.migrantId(), actor, actor)
				.update();
		}
	}

	/**
	 * Writes a changed petition if it is still at the version it was read at; 412
	 * otherwise.
	 */
	void update(Petition p) {
		Optional<Deadline> deadline = p.currentDeadline();
		Extension ext = p.extension();
		Review review = p.review();
		Review reReview = p.reReview();
		List<Object> params = new ArrayList<>();
		params.add(p.status().name());
		params.add(p.acceptedOn());
		params.add(p.rejectedOn());
		params.add(p.rejectionReason());
		params.add(p.replyDue());
		params.add((ext != null) ? ext.days() : null);
		params.add((ext != null) ? ext.reason() : null);
		params.add((ext != null) ? ext.extendedOn() : null);
		params.add((ext != null) ? ext.approvedBy() : null);
		params.add((ext != null) ? ext.previousDue() : null);
		params.add(p.repliedOn());
		params.add(p.resolution());
		params.add(p.closedOn());
		params.add((p.satisfaction() != null) ? p.satisfaction().name() : null);
		addReview(params, review);
		addReview(params, reReview);
		params.add(deadline.map((d) -> d.kind().name()).orElse(null));
		params.add(deadline.map(Deadline::due).orElse(null));
		params.add(p.handler());
		params.add(p.responsibleLeader());
		params.add(Caller.current().userId());
		params.add(p.id());
		params.add(p.version());
		int rows = this.jdbc.sql("""
				update petition set status = ?, accepted_on = ?, rejected_on = ?, rejection_reason = ?, reply_due = ?,
				       extension_days = ?, extension_reason = ?, extended_on = ?, extension_approved_by = ?,
				       reply_due_before_extension = ?, replied_on = ?, resolution = ?, closed_on = ?, satisfaction = ?,
				       review_requested_on = ?, review_due = ?, review_decided_on = ?, review_outcome = ?,
				       review_opinion = ?, re_review_requested_on = ?, re_review_due = ?, re_review_decided_on = ?,
				       re_review_outcome = ?, re_review_opinion = ?, deadline_kind = ?, current_due = ?, handler = ?,
				       responsible_leader = ?, version = version + 1, updated_at = now(), updated_by = ?
				where id = ? and version = ?""").params(params).update();
		ETags.requireUpdated(rows);
	}

	/** The deadlines this petition missed, as the overdue detector recorded them. */
	public List<MissedDeadline> missedDeadlines(UUID id) {
		return this.jdbc.sql(
				"select deadline_kind, due_on, detected_on from petition_overdue where petition_id = ? order by due_on")
			.param(id)
			.query((rs, n) -> new MissedDeadline(DeadlineKind.valueOf(rs.getString(1)),
					rs.getObject(2, LocalDate.class), rs.getObject(3, LocalDate.class)))
			.list();
	}

	private static void addReview(List<Object> params, Review review) {
		params.add((review != null) ? review.requestedOn() : null);
		params.add((review != null) ? review.decisionDue() : null);
		params.add((review != null) ? review.decidedOn() : null);
		params.add((review != null && review.outcome() != null) ? review.outcome().name() : null);
		params.add((review != null) ? review.opinion() : null);
	}

	private Optional<Petition> one(String sql, UUID id) {
		return this.jdbc.sql(sql)
			.param(id)
			.query(Petitions::row)
			.optional()
			.map((r) -> r.toPetition(petitioners(List.of(id)).getOrDefault(id, List.of())));
	}

	private Map<UUID, List<Petitioner>> petitioners(Collection<UUID> petitionIds) {
		Map<UUID, List<Petitioner>> byPetition = new LinkedHashMap<>();
		this.jdbc.sql("select * from petitioner where petition_id = any(?) order by petition_id, position")
			.param(petitionIds.toArray(UUID[]::new))
			.query((ResultSet rs) -> {
				byPetition.computeIfAbsent(rs.getObject("petition_id", UUID.class), (k) -> new ArrayList<>())
					.add(new Petitioner(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("id_number"),
							rs.getObject("migrant_id", UUID.class)));
			});
		return byPetition;
	}

	private static Row row(ResultSet rs, int n) throws SQLException {
		return new Row(rs);
	}

	/** A petition row read before its petitioners. */
	private static final class Row {

		private final UUID id;

		private final String caseNo;

		private final Intake intake;

		private final PetitionStatus status;

		private final LocalDate acceptDue;

		private final LocalDate acceptedOn;

		private final LocalDate rejectedOn;

		private final String rejectionReason;

		private final LocalDate replyDue;

		private final Extension extension;

		private final LocalDate repliedOn;

		private final String resolution;

		private final LocalDate closedOn;

		private final Satisfaction satisfaction;

		private final Review review;

		private final Review reReview;

		private final String handler;

		private final String responsibleLeader;

		private final long version;

		Row(ResultSet rs) throws SQLException {
			this.id = rs.getObject("id", UUID.class);
			this.caseNo = rs.getString("case_no");
			this.intake = new Intake(date(rs, "received_on"), Channel.valueOf(rs.getString("channel")),
					Source.valueOf(rs.getString("source")), rs.getString("source_body"),
					rs.getString("source_reference"), rs.getInt("person_count"), rs.getString("township_code"),
					Category.valueOf(rs.getString("category")), rs.getString("summary"),
					rs.getObject("repeat_of", UUID.class), rs.getObject("matter_id", UUID.class));
			this.status = PetitionStatus.valueOf(rs.getString("status"));
			this.acceptDue = date(rs, "accept_due");
			this.acceptedOn = date(rs, "accepted_on");
			this.rejectedOn = date(rs, "rejected_on");
			this.rejectionReason = rs.getString("rejection_reason");
			this.replyDue = date(rs, "reply_due");
			int days = rs.getInt("extension_days");
			this.extension = rs.wasNull() ? null
					: new Extension(days, rs.getString("extension_reason"), date(rs, "extended_on"),
							rs.getString("extension_approved_by"), date(rs, "reply_due_before_extension"));
			this.repliedOn = date(rs, "replied_on");
			this.resolution = rs.getString("resolution");
			this.closedOn = date(rs, "closed_on");
			String evaluation = rs.getString("satisfaction");
			this.satisfaction = (evaluation != null) ? Satisfaction.valueOf(evaluation) : null;
			this.review = review(rs, ReviewLevel.REVIEW, "review_");
			this.reReview = review(rs, ReviewLevel.RE_REVIEW, "re_review_");
			this.handler = rs.getString("handler");
			this.responsibleLeader = rs.getString("responsible_leader");
			this.version = rs.getLong("version");
		}

		UUID id() {
			return this.id;
		}

		Petition toPetition(List<Petitioner> petitioners) {
			return Petition.restore(this.id, this.caseNo, this.intake, petitioners, this.status, this.acceptDue,
					this.acceptedOn, this.rejectedOn, this.rejectionReason, this.replyDue, this.extension,
					this.repliedOn, this.resolution, this.closedOn, this.satisfaction, this.review, this.reReview,
					this.handler, this.responsibleLeader, this.version);
		}

		private static Review review(ResultSet rs, ReviewLevel level, String prefix) throws SQLException {
			LocalDate requested = date(rs, prefix + "requested_on");
			if (requested == null) {
				return null;
			}
			String outcome = rs.getString(prefix + "outcome");
			return new Review(level, requested, date(rs, prefix + "due"), date(rs, prefix + "decided_on"),
					(outcome != null) ? ReviewOutcome.valueOf(outcome) : null, rs.getString(prefix + "opinion"));
		}

		private static LocalDate date(ResultSet rs, String column) throws SQLException {
			return rs.getObject(column, LocalDate.class);
		}

	}

	/**
	 * A deadline the petition missed.
	 *
	 * @param kind which deadline
	 * @param dueOn its last day
	 * @param detectedOn the day the detector flagged it
	 */
	public record MissedDeadline(DeadlineKind kind, LocalDate dueOn, LocalDate detectedOn) {
	}

}
