package cn.resettlement.project.asset;

import java.time.LocalDate;
import java.util.UUID;

/**
 * 分红 — a dividend paid from an asset's income.
 *
 * @param id dividend id
 * @param asset asset name
 * @param year the year of the income it is paid from
 * @param amountFen amount in fen
 * @param paidOn payment date
 * @param recipients number of recipients (households or villages) paid
 */
public record Dividend(UUID id, String asset, int year, long amountFen, LocalDate paidOn, int recipients) {
}
