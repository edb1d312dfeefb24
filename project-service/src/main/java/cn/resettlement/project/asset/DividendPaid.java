package cn.resettlement.project.asset;

import java.time.LocalDate;
import java.util.UUID;

import cn.resettlement.platform.events.DomainEvent;

/** A dividend (分红) was paid from an asset's income of a year. */
public record DividendPaid(UUID dividendId, UUID assetId, String asset, int year, long amountFen, LocalDate paidOn,
		int recipients, long dividendsTotalFen, long incomeTotalFen) implements DomainEvent {

	@Override
	public String subject() {
		return this.assetId.toString();
	}

	@Override
	public String aggregateType() {
		return "Asset";
	}

}
