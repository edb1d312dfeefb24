package cn.resettlement.project.allocation;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import cn.resettlement.platform.audit.AuditTrail;
import cn.resettlement.platform.events.Outbox;
import cn.resettlement.platform.web.ApiException;
import cn.resettlement.project.BusinessDates;

/**
 * Records fund allocations and keeps their balances: projects draw from them and
 * cancelled projects give back what they did not spend.
 */
@Service
public class AllocationManagement {

	private final FundAllocations allocations;

	private final Outbox outbox;

	private final AuditTrail audit;

	private final Clock clock;

	AllocationManagement(FundAllocations allocations, Outbox outbox, AuditTrail audit, Clock clock) {
		this.allocations = allocations;
		this.outbox = outbox;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional
	public FundAllocation allocate(Allocate command) {
		BusinessDates.require("issuedOn", command.issuedOn(), this.clock);
		if (this.allocations.findByDocument(command.year(), command.category(), command.documentNo()).isPresent()) {
			throw ApiException.conflict("duplicate-allocation", "An allocation of " + command.category() + " for "
					+ command.year() + " by document " + command.documentNo() + " is already recorded.");
		}
		FundAllocation allocation = new FundAllocation(UUID.randomUUID(), command.year(), command.category(),
				command.documentNo(), command.title(), command.amountFen(), 0, command.issuedOn(), 0);
		this.allocations.insert(allocation);
		this.outbox.append(FundAllocated.of(allocation));
		this.audit.record("allocation.recorded", "FundAllocation", allocation.id(), Map.of("year", command.year(),
				"category", command.category().name(), "amountFen", command.amountFen()));
		return allocation;
	}

	public Optional<FundAllocation> find(UUID id) {
		return this.allocations.find(id);
	}

	/** An allocation recorded with exactly these identifying fields, if any. */
	public Optional<FundAllocation> findByDocument(int year, AllocationCategory category, String documentNo) {
		return this.allocations.findByDocument(year, category, documentNo);
	}

	/** Allocations of a document number, optionally narrowed by year and category. */
	public List<FundAllocation> findByDocument(String documentNo, Integer year, AllocationCategory category) {
		return this.allocations.findByDocument(documentNo, year, category);
	}

	/**
	 * Draws a funding line from an allocation, inside the caller's transaction.
	 * @throws ApiException 422 for an unknown allocation, 409 when its balance does not
	 * cover the amount (also when a concurrent draw took it first)
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public FundAllocation draw(UUID allocationId, long fen) {
		if (fen <= 0) {
			throw new IllegalArgumentException("A draw must be positive");
		}
		return this.allocations.draw(allocationId, fen).orElseThrow(() -> {
			FundAllocation current = this.allocations.find(allocationId)
				.orElseThrow(() -> ApiException.unprocessable("unknown-allocation",
						"Fund allocation " + allocationId + " does not exist."));
			return FundAllocation.overdrawn(allocationId, fen, current.remainingFen());
		});
	}

	/**
	 * Gives back unspent funding of a cancelled project, inside the caller's transaction.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public FundAllocation release(UUID allocationId, long fen) {
		return this.allocations.release(allocationId, fen);
	}

	/** What recording an allocation needs; the amount in fen. */
	public record Allocate(int year, AllocationCategory category, String documentNo, String title, long amountFen,
			LocalDate issuedOn) {
	}

}
