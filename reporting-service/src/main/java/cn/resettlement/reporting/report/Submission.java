package cn.resettlement.reporting.report;

import java.time.Instant;

/**
 * A closed (submitted) version of a year's report.
 *
 * @param version 1, 2, ... (a year closed again after late events gets a new version)
 * @param closedAt when it was closed
 * @param closedBy who closed it
 */
public record Submission(int version, Instant closedAt, String closedBy) {

}
