package cn.resettlement.project.project;

import java.time.LocalDate;

/**
 * The business dates of a project's lifecycle.
 *
 * @param proposedOn when it was entered (申报)
 * @param approvedOn date of approval (批复)
 * @param approvalDocumentNo approving document (批复文号)
 * @param noticeStartOn first day of the public notice in the village (公示)
 * @param noticeEndOn last day of the public notice
 * @param startedOn start of works (开工)
 * @param completedOn completion (完工)
 * @param acceptedOn acceptance (验收)
 * @param acceptanceDocumentNo acceptance document
 * @param cancelledOn cancellation
 * @param cancelledFrom status the project had when it was cancelled
 */
public record Milestones(LocalDate proposedOn, LocalDate approvedOn, String approvalDocumentNo, LocalDate noticeStartOn,
		LocalDate noticeEndOn, LocalDate startedOn, LocalDate completedOn, LocalDate acceptedOn,
		String acceptanceDocumentNo, LocalDate cancelledOn, ProjectStatus cancelledFrom) {

	static Milestones proposed(LocalDate proposedOn) {
		return new Milestones(proposedOn, null, null, null, null, null, null, null, null, null, null);
	}

	Milestones approved(LocalDate on, String documentNo, LocalDate noticeStart, LocalDate noticeEnd) {
		return new Milestones(this.proposedOn, on, documentNo, noticeStart, noticeEnd, null, null, null, null, null,
				null);
	}

	Milestones started(LocalDate on) {
		return new Milestones(this.proposedOn, this.approvedOn, this.approvalDocumentNo, this.noticeStartOn,
				this.noticeEndOn, on, null, null, null, null, null);
	}

	Milestones completed(LocalDate on) {
		return new Milestones(this.proposedOn, this.approvedOn, this.approvalDocumentNo, this.noticeStartOn,
				this.noticeEndOn, this.startedOn, on, null, null, null, null);
	}

	Milestones accepted(LocalDate on, String documentNo) {
		return new Milestones(this.proposedOn, this.approvedOn, this.approvalDocumentNo, this.noticeStartOn,
				this.noticeEndOn, this.startedOn, this.completedOn, on, documentNo, null, null);
	}

	Milestones cancelled(LocalDate on, ProjectStatus from) {
		return new Milestones(this.proposedOn, this.approvedOn, this.approvalDocumentNo, this.noticeStartOn,
				this.noticeEndOn, this.startedOn, this.completedOn, null, null, on, from);
	}

}
