package cn.resettlement.population.migrant;

import java.time.LocalDate;
import java.util.Optional;

import cn.resettlement.platform.web.IdNumbers;

/**
 * 居民身份证号 — an 18-character resident ID number (GB 11643-1999): 6-digit address code,
 * 8-digit birth date, 3-digit sequence (odd for men), check character.
 *
 * @param value the number, upper-case X for a check value of 10
 */
public record IdNumber(String value) {

	/**
	 * Parses and checks an ID number.
	 * @param raw the number as entered (a lower-case x is accepted)
	 * @param today to reject birth dates in the future
	 * @return the number, or why it is not valid
	 */
	public static Result parse(String raw, LocalDate today) {
		Optional<String> problem = IdNumbers.problem(raw, today);
		return problem.map(Result::invalid)
			.orElseGet(() -> new Result(Optional.of(new IdNumber(IdNumbers.normalize(raw))), null));
	}

	public LocalDate birthDate() {
		return LocalDate.of(Integer.parseInt(this.value.substring(6, 10)),
				Integer.parseInt(this.value.substring(10, 12)), Integer.parseInt(this.value.substring(12, 14)));
	}

	public Sex sex() {
		return ((this.value.charAt(16) - '0') % 2 == 1) ? Sex.MALE : Sex.FEMALE;
	}

	@Override
	public String toString() {
		return this.value;
	}

	/** Outcome of {@link #parse}: the number, or the reason it was refused. */
	public record Result(Optional<IdNumber> idNumber, String error) {

		static Result invalid(String error) {
			return new Result(Optional.empty(), error);
		}

		public boolean valid() {
			return this.idNumber.isPresent();
		}

	}

}
