package cn.resettlement.subsidy.integration;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A page of the roster as population-service returns it; every page of one read belongs
 * to one consistent snapshot.
 *
 * @param asOf the date
 * @param snapshotId the snapshot
 * @param total persons on the whole roster
 * @param items this page
 * @param next cursor of the next page, {@code null} on the last
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RosterPage(LocalDate asOf, UUID snapshotId, long total, List<RosterEntry> items, String next) {
}
