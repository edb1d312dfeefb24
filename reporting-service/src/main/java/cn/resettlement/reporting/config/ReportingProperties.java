package cn.resettlement.reporting.config;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of reporting-service, under {@code reporting.*}.
 *
 * @param listener the live consumer of the five topics
 * @param rebuild the replay of the topics
 * @param freshness how the consumer lag is measured
 * @param documents document generation
 */
@ConfigurationProperties("reporting")
public record ReportingProperties(@DefaultValue Listener listener, @DefaultValue Rebuild rebuild,
		@DefaultValue Freshness freshness, @DefaultValue Documents documents) {

	/**
	 * @param concurrency listener threads sharing the partitions of the five topics
	 * @param maxPollRecords events handed to one batch (one transaction)
	 */
	public record Listener(@DefaultValue("3") int concurrency, @DefaultValue("5000") int maxPollRecords) {
	}

	/**
	 * @param batchSize events applied per transaction while replaying
	 * @param workers consumers replaying disjoint sets of partitions in parallel
	 */
	public record Rebuild(@DefaultValue("5000") int batchSize, @DefaultValue("3") int workers) {
	}

	/**
	 * @param lagCache how long a measured consumer lag is reused
	 */
	public record Freshness(@DefaultValue("2s") Duration lagCache) {
	}

	/**
	 * @param fontPath a font file with Chinese glyphs (TTF, OTF or a TTC collection) to
	 * embed in PDFs; empty to search the usual places
	 */
	public record Documents(String fontPath) {
	}

}
