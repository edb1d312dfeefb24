package cn.resettlement.project.asset;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import cn.resettlement.platform.web.ApiException;
import cn.resettlement.platform.web.Money;

/**
 * 资产收益 of one asset for one year (e.g. the 移民产业创业园 rent) and the dividends (分红) paid from
 * it: dividends never exceed the income received.
 *
 * @param asset name of the asset
 * @param year the year the income belongs to
 * @param incomeFen income received, in fen
 * @param dividendsFen dividends paid, in fen
 */
public record AssetLedger(String asset, int year, long incomeFen, long dividendsFen) {

	public AssetLedger {
		if (incomeFen < 0 || dividendsFen < 0 || dividendsFen > incomeFen) {
			throw new IllegalArgumentException("Dividends " + dividendsFen + " outside 0.." + incomeFen);
		}
	}

	static AssetLedger empty(String asset, int year) {
		return new AssetLedger(asset, year, 0, 0);
	}

	/** Income not yet paid out as dividends. */
	public long undistributedFen() {
		return this.incomeFen - this.dividendsFen;
	}

	/**
	 * Pays a dividend.
	 * @throws ApiException 409 when it would exceed the income received
	 */
	public AssetLedger pay(long fen) {
		if (fen <= 0) {
			throw ApiException.invalid("amount", "must be greater than 0");
		}
		if (fen > undistributedFen()) {
			throw exceeded(this.asset, this.year, fen, undistributedFen());
		}
		return new AssetLedger(this.asset, this.year, this.incomeFen, this.dividendsFen + fen);
	}

	/** A stable id of an asset, the key of its events. */
	public static UUID assetId(String asset) {
		return UUID.nameUUIDFromBytes(("resettlement-asset:" + asset).getBytes(StandardCharsets.UTF_8));
	}

	static ApiException exceeded(String asset, int year, long fen, long undistributedFen) {
		return ApiException.conflict("dividends-exceed-income",
				asset + " has " + Money.toYuan(undistributedFen) + " yuan of " + year
						+ " income not yet distributed; a dividend of " + Money.toYuan(fen)
						+ " yuan would exceed the income received.");
	}

}
