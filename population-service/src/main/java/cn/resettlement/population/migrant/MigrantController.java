package cn.resettlement.population.migrant;

import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.resettlement.platform.security.Caller;
import cn.resettlement.platform.web.ApiException;
import cn.resettlement.platform.web.ETags;
import cn.resettlement.platform.web.IdNumbers;
import cn.resettlement.platform.web.Idempotency;
import cn.resettlement.platform.web.Masking;
import cn.resettlement.platform.web.PageQuery;
import cn.resettlement.platform.web.PageResponse;

/**
 * Migrants: register, read, list, correct, adjust, and look up by ID number (ID numbers
 * travel only in bodies, never in URLs).
 */
@RestController
@RequestMapping("/api/v1/population/migrants")
class MigrantController {

	private static final String TEXT = "[^\\p{Cntrl}]*";

	private final MigrantManagement management;

	private final Migrants migrants;

	private final Idempotency idempotency;

	MigrantController(MigrantManagement management, Migrants migrants, Idempotency idempotency) {
		this.management = management;
		this.migrants = migrants;
		this.idempotency = idempotency;
	}

	@PostMapping
	ResponseEntity<?> register(@RequestHeader(name = Idempotency.HEADER, required = false) String key,
			@Valid @RequestBody RegisterMigrantRequest request) {
		return this.idempotency.execute(key, request, () -> {
			Migrant migrant = this.management.register(request.toCommand());
			return ResponseEntity.created(URI.create("/api/v1/population/migrants/" + migrant.id()))
				.eTag(ETags.of(migrant.version()))
				.body(MigrantResponse.of(migrant, Caller.current().seesPersonalData()));
		});
	}

	@GetMapping("/{id}")
	ResponseEntity<MigrantResponse> migrant(@PathVariable UUID id) {
		Migrant migrant = this.migrants.find(id).orElseThrow(() -> ApiException.notFound("Migrant", id));
		Caller caller = Caller.current();
		caller.requireTownship(migrant.townshipCode());
		return ResponseEntity.ok()
			.eTag(ETags.of(migrant.version()))
			.body(MigrantResponse.of(migrant, caller.seesPersonalData()));
	}

	/**
	 * Lists are always masked: a list is for finding people, not for copying their
	 * numbers.
	 */
	@GetMapping
	PageResponse<MigrantResponse> migrants(@RequestParam(required = false) String townshipCode,
			@RequestParam(required = false) MigrantStatus status, @RequestParam(required = false) String q,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		if (q != null && q.length() > 50) {
			throw ApiException.invalid("q", "must be at most 50 characters");
		}
		return this.migrants.list(Caller.current().townshipFilter(townshipCode), status, q, PageQuery.of(page, size))
			.map((m) -> MigrantResponse.of(m, false));
	}

	@PatchMapping("/{id}")
	ResponseEntity<MigrantResponse> correct(@PathVariable UUID id,
			@RequestHeader(name = "If-Match", required = false) String ifMatch,
			@Valid @RequestBody CorrectMigrantRequest request) {
		Migrant migrant = this.management.correct(id, ETags.expectedVersion(ifMatch), request.toCommand());
		return ResponseEntity.ok()
			.eTag(ETags.of(migrant.version()))
			.body(MigrantResponse.of(migrant, Caller.current().seesPersonalData()));
	}

	@PostMapping("/{id}/adjustments")
	ResponseEntity<?> adjust(@PathVariable UUID id,
			@RequestHeader(name = Idempotency.HEADER, required = false) String key,
			@Valid @RequestBody AdjustmentRequest request) {
		return this.idempotency.execute(key, request, () -> {
			Adjustment adjustment = this.management.adjust(id, request.toCommand());
			return ResponseEntity
				.created(URI.create("/api/v1/population/migrants/" + id + "/adjustments/" + adjustment.id()))
				.body(adjustment);
		});
	}

	@GetMapping("/{id}/adjustments")
	List<Adjustment> adjustments(@PathVariable UUID id) {
		Migrant migrant = this.migrants.find(id).orElseThrow(() -> ApiException.notFound("Migrant", id));
		Caller.current().requireTownship(migrant.townshipCode());
		return this.migrants.adjustments(id);
	}

	/**
	 * Which of these ID numbers are registered migrants (for enrolments, vocational
	 * subsidies and petitions). Township officers get only their township's matches.
	 */
	@PostMapping("/lookup")
	LookupResponse lookup(@Valid @RequestBody LookupRequest request) {
		Caller caller = Caller.current();
		// a mistyped number is said to be one, not answered with "nobody found"
		List<ApiException.FieldError> invalid = new ArrayList<>();
		for (int i = 0; i < request.idNumbers().size(); i++) {
			int index = i;
			IdNumbers.problem(request.idNumbers().get(i))
				.ifPresent((problem) -> invalid.add(new ApiException.FieldError("idNumbers[" + index + "]", problem)));
		}
		if (!invalid.isEmpty()) {
			throw ApiException.invalid("Some ID numbers are not valid.", invalid);
		}
		List<String> normalized = request.idNumbers().stream().map(IdNumbers::normalize).toList();
		List<LookupMatch> matches = this.migrants.findByIdNumbers(new LinkedHashSet<>(normalized))
			.stream()
			.filter((m) -> !caller.confinedToTownship() || m.townshipCode().equals(caller.townshipFilter(null)))
			.map(LookupMatch::of)
			.toList();
		return new LookupResponse(matches);
	}

	record RegisterMigrantRequest(@NotBlank String idNumber,
			@NotBlank @Size(max = 50) @Pattern(regexp = TEXT) String name, @NotNull UUID householdId,
			@Size(max = 20) @Pattern(regexp = TEXT) String relationToHead,
			@Pattern(regexp = "[0-9+\\- ]{5,20}", message = "must be a phone number") String phone,
			@Pattern(regexp = "[0-9]{8,30}", message = "must be 8 to 30 digits") String cardAccount,
			MigrantCategory category, Sex sex, LocalDate birthDate) {

		MigrantManagement.RegisterMigrant toCommand() {
			return new MigrantManagement.RegisterMigrant(this.idNumber, this.name.trim(), this.householdId,
					this.relationToHead, this.phone, this.cardAccount, this.category, this.sex, this.birthDate);
		}

	}

	record CorrectMigrantRequest(String idNumber, @Size(min = 1, max = 50) @Pattern(regexp = TEXT) String name,
			UUID householdId, @Size(max = 20) @Pattern(regexp = TEXT) String relationToHead,
			@Pattern(regexp = "[0-9+\\- ]{5,20}", message = "must be a phone number") String phone,
			@Pattern(regexp = "[0-9]{8,30}", message = "must be 8 to 30 digits") String cardAccount,
			LocalDate supportStart, LocalDate supportEnd) {

		MigrantManagement.CorrectMigrant toCommand() {
			return new MigrantManagement.CorrectMigrant(this.idNumber, this.name, this.householdId, this.relationToHead,
					this.phone, this.cardAccount, this.supportStart, this.supportEnd);
		}

	}

	record AdjustmentRequest(@NotNull AdjustmentType type, @NotNull LocalDate effectiveDate,
			@NotNull LocalDate decidedOn, @NotBlank @Size(max = 500) String reason,
			@Size(max = 100) @Pattern(regexp = TEXT) String documentNo) {

		MigrantManagement.AdjustMigrant toCommand() {
			return new MigrantManagement.AdjustMigrant(this.type, this.effectiveDate, this.decidedOn,
					this.reason.trim(), this.documentNo);
		}

	}

	record LookupRequest(@NotEmpty @Size(max = 1000) List<@NotBlank @Size(max = 18) String> idNumbers) {
	}

	record LookupResponse(List<LookupMatch> items) {
	}

	record LookupMatch(String idNumber, UUID migrantId, String name, UUID householdId, String townshipCode,
			MigrantStatus status) {

		static LookupMatch of(Migrant m) {
			return new LookupMatch(m.idNumber(), m.id(), m.name(), m.householdId(), m.townshipCode(), m.status());
		}

	}

	record MigrantResponse(UUID id, String idNumber, String name, Sex sex, LocalDate birthDate, UUID householdId,
			String householdNo, String townshipCode, String village, String relationToHead, String phone,
			String cardAccount, MigrantCategory category, LocalDate supportStart, LocalDate supportEnd,
			LocalDate activeFrom, MigrantStatus status) {

		static MigrantResponse of(Migrant m, boolean full) {
			return new MigrantResponse(m.id(), full ? m.idNumber() : Masking.idNumber(m.idNumber()), m.name(), m.sex(),
					m.birthDate(), m.householdId(), m.householdNo(), m.townshipCode(), m.village(), m.relationToHead(),
					full ? m.phone() : null, full ? m.cardAccount() : Masking.cardAccount(m.cardAccount()),
					m.category(), m.supportStart(), m.supportEnd(), m.activeFrom(), m.status());
		}

	}

}
