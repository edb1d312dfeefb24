package cn.resettlement.petition.overdue;

import java.time.LocalDate;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.resettlement.petition.config.Today;

/**
 * Runs the overdue detector now instead of waiting for its schedule (after an outage, or
 * to check a deployment). Safe while the scheduled runs go on.
 */
@RestController
@RequestMapping("/api/v1/petitions/overdue")
class OverdueController {

	private final OverdueDetector detector;

	private final Today today;

	OverdueController(OverdueDetector detector, Today today) {
		this.detector = detector;
		this.today = today;
	}

	@PostMapping("/detection")
	@PreAuthorize("hasRole('ADMIN')")
	DetectionResponse detect() {
		LocalDate asOf = this.today.date();
		return new DetectionResponse(asOf, this.detector.detect(asOf));
	}

	/**
	 * @param asOf the day deadlines were judged on
	 * @param flagged missed deadlines flagged (and published) by this run
	 */
	record DetectionResponse(LocalDate asOf, int flagged) {
	}

}
