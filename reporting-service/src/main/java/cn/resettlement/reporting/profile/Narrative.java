package cn.resettlement.reporting.profile;

import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A year's paragraphs for what data cannot say. The figures of the report are never typed
 * here: each numbered item of section 二 is written around the sentences the platform
 * generates from the read models, in the order lead, figures, middle, figures, closing. A
 * text that starts with "，" continues the generated sentence before it.
 *
 * @param intro the framing paragraph of section 二
 * @param plan item 1, plan and funds
 * @param information item 2, population and subsidy information management
 * @param keyVillages item 3, key migrant villages
 * @param industry item 4, industry and asset income
 * @param training item 5, training
 * @param petitions item 6, petitions
 * @param trainingTopics what a category's classes taught, e.g. AGRICULTURAL → 养殖、中药材等种植技术
 * @param extraItems further numbered items after the data items (e.g. 意识形态工作)
 * @param conclusion 自评结论
 * @param problems 存在的问题
 * @param improvements 改进措施
 */
public record Narrative(@Size(max = 4000) String intro, @Valid ItemText plan, @Valid ItemText information,
		@Valid ItemText keyVillages, @Valid ItemText industry, @Valid ItemText training, @Valid ItemText petitions,
		@Size(max = 3) Map<@Pattern(regexp = "AGRICULTURAL|EMPLOYMENT|LEADER") String, @NotBlank @Size(
				max = 100) String> trainingTopics,
		@Size(max = 20) List<@Valid @NotNull ExtraItem> extraItems, @Size(max = 2000) String conclusion,
		@Size(max = 2000) String problems, @Size(max = 2000) String improvements) {

	public static final Narrative EMPTY = new Narrative(null, null, null, null, null, null, null, null, null, null,
			null, null);

	public Narrative {
		trainingTopics = (trainingTopics != null) ? Map.copyOf(trainingTopics) : Map.of();
		extraItems = (extraItems != null) ? List.copyOf(extraItems) : List.of();
	}

	/**
	 * Texts around the generated sentences of one item.
	 *
	 * @param title replaces the item's standard title (absent: the standard one; blank is
	 * refused, a heading of nothing is a mistake)
	 * @param lead before the first generated sentences
	 * @param middle between two groups of generated sentences (training, petitions)
	 * @param closing after the generated sentences
	 */
	public record ItemText(
			@Size(max = 200) @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank") String title,
			@Size(max = 4000) String lead, @Size(max = 4000) String middle, @Size(max = 4000) String closing) {
	}

	/**
	 * @param title the item's title, e.g. 旗帜鲜明不动摇，筑牢意识形态阵地。
	 * @param text its paragraph
	 */
	public record ExtraItem(@NotBlank @Size(max = 200) String title, @Size(max = 4000) String text) {
	}

}
