package cn.resettlement.reporting.profile;

import jakarta.validation.Valid;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.resettlement.platform.config.PlatformProperties;
import cn.resettlement.platform.web.ApiException;
import cn.resettlement.platform.web.ETags;

/**
 * {@code /api/v1/reports/profile} (单位基本概况) and {@code /api/v1/reports/{year}/narrative}:
 * read by every role, replaced by ADMIN with If-Match (not needed to create).
 */
@RestController
@RequestMapping("/api/v1/reports")
class ProfileController {

	private final Texts texts;

	private final ProfileManagement management;

	private final String unit;

	ProfileController(Texts texts, ProfileManagement management, PlatformProperties platform) {
		this.texts = texts;
		this.management = management;
		this.unit = platform.unitCode();
	}

	@GetMapping("/profile")
	ResponseEntity<UnitProfile> profile() {
		Versioned<UnitProfile> profile = this.texts.profile(this.unit)
			.orElseThrow(() -> ApiException.notFound("Unit profile of", this.unit));
		return ResponseEntity.ok().eTag(ETags.of(profile.version())).body(profile.value());
	}

	@PutMapping("/profile")
	@PreAuthorize("hasRole('ADMIN')")
	ResponseEntity<UnitProfile> replaceProfile(@RequestHeader(name = "If-Match", required = false) String ifMatch,
			@Valid @RequestBody UnitProfile profile) {
		Versioned<UnitProfile> saved = this.management.replaceProfile(this.unit, profile, ifMatch);
		return ResponseEntity.ok().eTag(ETags.of(saved.version())).body(saved.value());
	}

	@GetMapping("/{year}/narrative")
	ResponseEntity<Narrative> narrative(@PathVariable int year) {
		Years.check(year);
		Versioned<Narrative> narrative = this.texts.narrative(this.unit, year)
			.orElse(new Versioned<>(Narrative.EMPTY, 0));
		return ResponseEntity.ok().eTag(ETags.of(narrative.version())).body(narrative.value());
	}

	@PutMapping("/{year}/narrative")
	@PreAuthorize("hasRole('ADMIN')")
	ResponseEntity<Narrative> replaceNarrative(@PathVariable int year,
			@RequestHeader(name = "If-Match", required = false) String ifMatch,
			@Valid @RequestBody Narrative narrative) {
		Years.check(year);
		Versioned<Narrative> saved = this.management.replaceNarrative(this.unit, year, narrative, ifMatch);
		return ResponseEntity.ok().eTag(ETags.of(saved.version())).body(saved.value());
	}

}
