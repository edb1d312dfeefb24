package cn.resettlement.project.project;

import java.util.EnumSet;
import java.util.Set;

import cn.resettlement.platform.web.ApiException;

/**
 * Lifecycle of a project: 申报 PROPOSED → 批复 APPROVED → 实施 IN_PROGRESS → 完工 COMPLETED → 验收
 * ACCEPTED; PROPOSED, APPROVED and IN_PROGRESS may be CANCELLED.
 */
public enum ProjectStatus {

	PROPOSED, APPROVED, IN_PROGRESS, COMPLETED, ACCEPTED, CANCELLED;

	/** The statuses this one may move to. */
	public Set<ProjectStatus> next() {
		return switch (this) {
			case PROPOSED -> EnumSet.of(APPROVED, CANCELLED);
			case APPROVED -> EnumSet.of(IN_PROGRESS, CANCELLED);
			case IN_PROGRESS -> EnumSet.of(COMPLETED, CANCELLED);
			case COMPLETED -> EnumSet.of(ACCEPTED);
			case ACCEPTED, CANCELLED -> EnumSet.noneOf(ProjectStatus.class);
		};
	}

	public boolean canMoveTo(ProjectStatus target) {
		return next().contains(target);
	}

	/**
	 * Checks a transition.
	 * @throws ApiException 409 {@code illegal-transition} when it is not allowed
	 */
	public void requireCanMoveTo(ProjectStatus target) {
		if (!canMoveTo(target)) {
			throw ApiException.conflict("illegal-transition", "A project that is " + this + " cannot become " + target
					+ (next().isEmpty() ? "." : "; it can become " + next() + "."));
		}
	}

	/**
	 * Whether a project in this status counts as implemented (实施) in the year summary: it
	 * reached IN_PROGRESS and was not cancelled.
	 */
	public boolean implemented() {
		return this == IN_PROGRESS || this == COMPLETED || this == ACCEPTED;
	}

	/** Whether money can be paid out to the project (拨付). */
	public boolean disbursable() {
		return this == APPROVED || implemented();
	}

}
