package cn.resettlement.project.asset;

import java.time.LocalDate;
import java.util.UUID;

import cn.resettlement.platform.events.DomainEvent;

/** Income from an asset (资产收益, e.g. rent) was received. */
public record AssetIncomeRecorded(UUID incomeId, UUID assetId, String asset, int year, long amountFen,
		LocalDate receivedOn, long incomeTotalFen) implements DomainEvent {

	@Override
	public String subject() {
		return this.assetId.toString();
	}

	@Override
	public String aggregateType() {
		return "Asset";
	}

}
