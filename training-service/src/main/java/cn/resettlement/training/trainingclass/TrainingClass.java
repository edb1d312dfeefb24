package cn.resettlement.training.trainingclass;

import java.time.LocalDate;
import java.util.UUID;

/**
 * 培训班 — one class (counted as one 期).
 *
 * @param id class id
 * @param category category
 * @param title what is taught, e.g. 养殖技术, 中药材种植
 * @param year the year the class ends in, which it is counted in
 * @param startDate first day
 * @param endDate last day
 * @param location where it is held
 * @param provider who teaches it (培训机构)
 * @param budgetFen budget in fen
 * @param disbursedFen funds disbursed so far, in fen
 * @param status status
 * @param completedOn date of completion (结业), once completed
 * @param enrolled persons enrolled
 * @param completed persons completed
 * @param version optimistic-locking version
 */
public record TrainingClass(UUID id, TrainingCategory category, String title, int year, LocalDate startDate,
		LocalDate endDate, String location, String provider, long budgetFen, long disbursedFen, ClassStatus status,
		LocalDate completedOn, long enrolled, long completed, long version) {

	public boolean isOpen() {
		return this.status == ClassStatus.OPEN;
	}

}
