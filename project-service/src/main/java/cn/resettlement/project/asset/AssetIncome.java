package cn.resettlement.project.asset;

import java.time.LocalDate;
import java.util.UUID;

/**
 * Income received from an asset.
 *
 * @param id income id
 * @param asset asset name
 * @param year the year the income belongs to
 * @param amountFen amount in fen
 * @param receivedOn date received
 */
public record AssetIncome(UUID id, String asset, int year, long amountFen, LocalDate receivedOn) {
}
