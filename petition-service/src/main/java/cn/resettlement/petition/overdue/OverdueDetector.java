package cn.resettlement.petition.overdue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import cn.resettlement.petition.cases.DeadlineKind;
import cn.resettlement.petition.cases.Petition;
import cn.resettlement.petition.cases.Petitions;
import cn.resettlement.petition.config.PetitionProperties;
import cn.resettlement.petition.config.Today;
import cn.resettlement.platform.events.Outbox;
import cn.resettlement.platform.security.Caller;

/**
 * Flags petitions whose running deadline has passed and publishes {@link PetitionOverdue}
 * for each, once per petition and deadline, with any number of instances running at the
 * same time:
 * <ul>
 * <li>candidates are locked with {@code FOR UPDATE SKIP LOCKED}, so concurrent detectors
 * split the work instead of waiting for each other (and a petition being changed by a
 * command right now is left for the next run);</li>
 * <li>the flag is an insert into {@code petition_overdue}, whose primary key is
 * (petition, deadline kind): {@code ON CONFLICT DO NOTHING RETURNING} hands each flag to
 * exactly one transaction, and only that transaction appends the event to the
 * outbox.</li>
 * </ul>
 * The flag and the event commit together, so neither exists without the other.
 */
@Component
public class OverdueDetector {

	private static final Logger log = LoggerFactory.getLogger(OverdueDetector.class);

	private static final String FLAG = """
			with due as (
			    select p.id, p.deadline_kind, p.current_due
			    from petition p
			    where p.current_due < ?
			      and not exists (select 1 from petition_overdue o
			                      where o.petition_id = p.id and o.deadline_kind = p.deadline_kind)
			    order by p.current_due, p.id
			    limit ?
			    for update of p skip locked
			)
			insert into petition_overdue (petition_id, deadline_kind, due_on, detected_on, created_by)
			select id, deadline_kind, current_due, ?, ? from due
			on conflict (petition_id, deadline_kind) do nothing
			returning petition_id, deadline_kind, due_on""";

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final Petitions petitions;

	private final Outbox outbox;

	private final Today today;

	private final int batchSize;

	private final Counter flaggedDeadlines;

	OverdueDetector(JdbcClient jdbc, TransactionTemplate transactions, Petitions petitions, Outbox outbox, Today today,
			PetitionProperties properties, MeterRegistry meters) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.petitions = petitions;
		this.outbox = outbox;
		this.today = today;
		this.batchSize = properties.overdue().batchSize();
		this.flaggedDeadlines = Counter.builder("petition.overdue.flagged")
			.description("Missed petition deadlines flagged (and published) by this instance")
			.register(meters);
	}

	/** Flags what is overdue today. */
	public int detect() {
		return detect(this.today.date());
	}

	/**
	 * Flags every petition whose running deadline ended before {@code today}.
	 * @return the flags (and events) this call created
	 */
	public int detect(LocalDate today) {
		int total = 0;
		int flagged;
		do {
			flagged = flagBatch(today);
			total += flagged;
		}
		while (flagged == this.batchSize);
		this.flaggedDeadlines.increment(total);
		if (total > 0) {
			log.info("Flagged {} missed petition deadline(s) as of {}", total, today);
		}
		return total;
	}

	private int flagBatch(LocalDate today) {
		Integer flagged = this.transactions.execute((status) -> {
			List<Flag> flags = this.jdbc.sql(FLAG)
				.params(today, this.batchSize, today, Caller.current().userId())
				.query((rs, n) -> new Flag(rs.getObject(1, UUID.class), DeadlineKind.valueOf(rs.getString(2)),
						rs.getObject(3, LocalDate.class)))
				.list();
			if (flags.isEmpty()) {
				return 0;
			}
			Map<UUID, Petition> byId = this.petitions.findAll(flags.stream().map(Flag::petitionId).toList())
				.stream()
				.collect(Collectors.toMap(Petition::id, Function.identity()));
			this.outbox.appendAll(flags.stream().map((f) -> event(byId.get(f.petitionId()), f, today)).toList());
			return flags.size();
		});
		return (flagged != null) ? flagged : 0;
	}

	private static PetitionOverdue event(Petition p, Flag flag, LocalDate today) {
		return new PetitionOverdue(p.id(), p.caseNo(), p.intake().receivedOn(), p.intake().channel(),
				p.intake().townshipCode(), p.intake().category(), p.intake().personCount(), p.intake().collective(),
				p.status(), flag.kind(), flag.dueOn(), today);
	}

	private record Flag(UUID petitionId, DeadlineKind kind, LocalDate dueOn) {
	}

}
