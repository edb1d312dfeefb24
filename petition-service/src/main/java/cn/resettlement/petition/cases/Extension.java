package cn.resettlement.petition.cases;

import java.time.LocalDate;

/**
 * The one extension of the reply deadline a petition may get.
 *
 * @param days 1 to 30
 * @param reason why
 * @param extendedOn date of the approval
 * @param approvedBy the head who approved it, if recorded
 * @param previousDue the reply deadline before the extension
 */
public record Extension(int days, String reason, LocalDate extendedOn, String approvedBy, LocalDate previousDue) {
}
