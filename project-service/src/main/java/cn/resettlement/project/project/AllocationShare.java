package cn.resettlement.project.project;

import java.util.UUID;

import cn.resettlement.project.allocation.AllocationCategory;

/**
 * An amount of one allocation, as events carry it (funding drawn, disbursed or released),
 * with the allocation's category and year so that subscribers can attribute it without
 * calling back.
 *
 * @param allocationId allocation
 * @param category its category
 * @param allocationYear its year
 * @param amountFen amount in fen
 */
public record AllocationShare(UUID allocationId, AllocationCategory category, int allocationYear, long amountFen) {
}
