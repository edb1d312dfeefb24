package cn.resettlement.project.asset;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.resettlement.platform.audit.AuditTrail;
import cn.resettlement.platform.events.Outbox;
import cn.resettlement.platform.web.ApiException;
import cn.resettlement.project.BusinessDates;

/** Records asset income (资产收益) and the dividends (分红) paid from it. */
@Service
public class AssetManagement {

	private final AssetLedgers ledgers;

	private final Outbox outbox;

	private final AuditTrail audit;

	private final Clock clock;

	AssetManagement(AssetLedgers ledgers, Outbox outbox, AuditTrail audit, Clock clock) {
		this.ledgers = ledgers;
		this.outbox = outbox;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional
	public AssetIncome recordIncome(RecordIncome command) {
		BusinessDates.require("receivedOn", command.receivedOn(), this.clock);
		AssetLedger ledger = this.ledgers.receive(command.asset(), command.year(), command.amountFen());
		AssetIncome income = new AssetIncome(UUID.randomUUID(), command.asset(), command.year(), command.amountFen(),
				command.receivedOn());
		this.ledgers.insertIncome(income);
		this.outbox.append(new AssetIncomeRecorded(income.id(), AssetLedger.assetId(income.asset()), income.asset(),
				income.year(), income.amountFen(), income.receivedOn(), ledger.incomeFen()));
		this.audit.record("asset.income-recorded", "Asset", income.asset(),
				Map.of("year", income.year(), "amountFen", income.amountFen()));
		return income;
	}

	/**
	 * Pays a dividend from an asset's income of a year.
	 * @throws ApiException 409 when it would exceed the income received
	 */
	@Transactional
	public Dividend payDividend(PayDividend command) {
		BusinessDates.require("paidOn", command.paidOn(), this.clock);
		AssetLedger ledger = this.ledgers.lock(command.asset(), command.year())
			.orElse(AssetLedger.empty(command.asset(), command.year()));
		AssetLedger paid = ledger.pay(command.amountFen());
		this.ledgers.pay(command.asset(), command.year(), command.amountFen())
			.orElseThrow(() -> AssetLedger.exceeded(command.asset(), command.year(), command.amountFen(),
					ledger.undistributedFen()));
		Dividend dividend = new Dividend(UUID.randomUUID(), command.asset(), command.year(), command.amountFen(),
				command.paidOn(), command.recipients());
		this.ledgers.insertDividend(dividend);
		this.outbox.append(new DividendPaid(dividend.id(), AssetLedger.assetId(dividend.asset()), dividend.asset(),
				dividend.year(), dividend.amountFen(), dividend.paidOn(), dividend.recipients(), paid.dividendsFen(),
				paid.incomeFen()));
		this.audit.record("asset.dividend-paid", "Asset", dividend.asset(),
				Map.of("year", dividend.year(), "amountFen", dividend.amountFen()));
		return dividend;
	}

	/** Income received; the amount in fen. */
	public record RecordIncome(String asset, int year, long amountFen, LocalDate receivedOn) {
	}

	/** A dividend; the amount in fen. */
	public record PayDividend(String asset, int year, long amountFen, LocalDate paidOn, int recipients) {
	}

}
