package cn.resettlement.petition.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;

import cn.resettlement.petition.cases.Category;
import cn.resettlement.petition.cases.Channel;

/**
 * The petition figures of a year (petitions received in it), as the annual report states
 * them: 批次, 人次, accepted, closed and the resolution rate (办结率 = closed ÷ accepted;
 * petitions not accepted are outside it), plus on-time and satisfaction rates.
 *
 * @param year year of receipt
 * @param townshipCode the township, or {@code null} for the whole unit
 * @param asOf the day pending deadlines were judged on
 * @param batches petitions (批次)
 * @param personTimes persons over all petitions (人次)
 * @param collectiveBatches petitions of five or more persons
 * @param repeatBatches petitions repeating an earlier one
 * @param accepted petitions accepted (受理)
 * @param rejected petitions not accepted (不予受理)
 * @param pendingDecision petitions without an acceptance decision yet
 * @param closed accepted petitions closed (办结)
 * @param resolutionRatePercent closed ÷ accepted × 100, one decimal; {@code null} with
 * none accepted
 * @param acceptanceOnTime acceptance decisions made within 15 days, of those decided or
 * already due
 * @param replyOnTime written replies within 60 (+30) days, of those replied or already
 * due
 * @param satisfaction the petitioners' evaluations of closed petitions
 * @param byCategory the main figures per category (every category present)
 * @param byChannel batches and person-times per channel (every channel present)
 */
record YearSummary(int year, String townshipCode, LocalDate asOf, long batches, long personTimes,
		long collectiveBatches, long repeatBatches, long accepted, long rejected, long pendingDecision, long closed,
		BigDecimal resolutionRatePercent, Rate acceptanceOnTime, Rate replyOnTime, SatisfactionFigures satisfaction,
		Map<Category, CategoryFigures> byCategory, Map<Channel, ChannelFigures> byChannel) {

	/** Sums the per-category counts of a year into its summary. */
	static YearSummary of(int year, String townshipCode, LocalDate asOf, Map<Category, Counts> counts,
			Map<Channel, ChannelFigures> channels) {
		Counts total = Counts.ZERO;
		Map<Category, CategoryFigures> byCategory = new EnumMap<>(Category.class);
		for (Category category : Category.values()) {
			Counts c = counts.getOrDefault(category, Counts.ZERO);
			total = total.plus(c);
			byCategory.put(category, new CategoryFigures(c.batches(), c.personTimes(), c.accepted(), c.closed(),
					Percent.of(c.closed(), c.accepted())));
		}
		Map<Channel, ChannelFigures> byChannel = new EnumMap<>(Channel.class);
		for (Channel channel : Channel.values()) {
			byChannel.put(channel, channels.getOrDefault(channel, new ChannelFigures(0, 0)));
		}
		return new YearSummary(year, townshipCode, asOf, total.batches(), total.personTimes(), total.collective(),
				total.repeats(), total.accepted(), total.rejected(),
				total.batches() - total.accepted() - total.rejected(), total.closed(),
				Percent.of(total.closed(), total.accepted()), Rate.of(total.acceptanceDue(), total.decidedOnTime()),
				Rate.of(total.replyDue(), total.repliedOnTime()),
				new SatisfactionFigures(total.evaluated(), total.satisfied(), total.basicallySatisfied(),
						total.dissatisfied(),
						Percent.of(total.satisfied() + total.basicallySatisfied(), total.evaluated())),
				byCategory, byChannel);
	}

	/**
	 * An on-time rate.
	 *
	 * @param due steps done, or not done but past their deadline
	 * @param onTime steps done on or before their deadline
	 * @param ratePercent onTime ÷ due × 100, one decimal; {@code null} when nothing was
	 * due
	 */
	record Rate(long due, long onTime, BigDecimal ratePercent) {

		static Rate of(long due, long onTime) {
			return new Rate(due, onTime, Percent.of(onTime, due));
		}

	}

	/**
	 * @param evaluated closed petitions with an evaluation
	 * @param satisfied 满意
	 * @param basicallySatisfied 基本满意
	 * @param dissatisfied 不满意
	 * @param ratePercent (满意 + 基本满意) ÷ evaluated × 100, one decimal
	 */
	record SatisfactionFigures(long evaluated, long satisfied, long basicallySatisfied, long dissatisfied,
			BigDecimal ratePercent) {
	}

	record CategoryFigures(long batches, long personTimes, long accepted, long closed,
			BigDecimal resolutionRatePercent) {
	}

	record ChannelFigures(long batches, long personTimes) {
	}

	/** Raw counts of one category, as the ledger query returns them. */
	record Counts(long batches, long personTimes, long collective, long repeats, long accepted, long rejected,
			long closed, long acceptanceDue, long decidedOnTime, long replyDue, long repliedOnTime, long evaluated,
			long satisfied, long basicallySatisfied, long dissatisfied) {

		static final Counts ZERO = new Counts(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

		Counts plus(Counts o) {
			return new Counts(this.batches + o.batches, this.personTimes + o.personTimes,
					this.collective + o.collective, this.repeats + o.repeats, this.accepted + o.accepted,
					this.rejected + o.rejected, this.closed + o.closed, this.acceptanceDue + o.acceptanceDue,
					this.decidedOnTime + o.decidedOnTime, this.replyDue + o.replyDue,
					this.repliedOnTime + o.repliedOnTime, this.evaluated + o.evaluated, this.satisfied + o.satisfied,
					this.basicallySatisfied + o.basicallySatisfied, this.dissatisfied + o.dissatisfied);
		}

	}

}
