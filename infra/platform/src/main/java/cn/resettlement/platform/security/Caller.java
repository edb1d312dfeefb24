package cn.resettlement.platform.security;

import java.util.EnumSet;
import java.util.Set;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;

import cn.resettlement.platform.web.ApiException;

/**
 * Who is calling: user id, roles, and for township officers their township. Township
 * scope is enforced here so every service applies it the same way.
 *
 * @param userId the token's user ({@code preferred_username}, else {@code sub})
 * @param roles the caller's roles
 * @param township 9-digit township code of a township officer, else {@code null}
 */
public record Caller(String userId, Set<Role> roles, String township) {

	public static final String SYSTEM = "system";

	/** The caller of the current request, or the system user outside a request. */
	public static Caller current() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !(authentication.getPrincipal() instanceof Jwt jwt)) {
			return new Caller(SYSTEM, EnumSet.of(Role.ADMIN), null);
		}
		Set<Role> roles = EnumSet.noneOf(Role.class);
		for (GrantedAuthority authority : authentication.getAuthorities()) {
			for (Role role : Role.values()) {
				if (role.authority().equals(authority.getAuthority())) {
					roles.add(role);
				}
			}
		}
		return new Caller(authentication.getName(), roles, jwt.getClaimAsString(JwtRoles.TOWNSHIP_CLAIM));
	}

	public boolean has(Role role) {
		return this.roles.contains(role);
	}

	/** A township officer without a wider role: confined to one township. */
	public boolean confinedToTownship() {
		return has(Role.TOWNSHIP_OFFICER) && !has(Role.ADMIN) && !has(Role.STAFF) && !has(Role.AUDITOR);
	}

	/**
	 * Checks that the caller may see or change a record of this township.
	 * @throws ApiException 403 for an officer of another township
	 */
	public void requireTownship(String townshipCode) {
		if (confinedToTownship() && !ownTownship().equals(townshipCode)) {
			throw ApiException.forbidden("Township officers may only work on their own township's records.");
		}
	}

	/**
	 * The township filter a list query must apply.
	 * @param requested the township the client asked for, or {@code null} for all
	 * @return the officer's own township for an officer (403 if they asked for another),
	 * else what was requested
	 */
	public String townshipFilter(String requested) {
		if (!confinedToTownship()) {
			return requested;
		}
		if (requested != null && !requested.equals(ownTownship())) {
			throw ApiException.forbidden("Township officers may only list their own township's records.");
		}
		return ownTownship();
	}

	/**
	 * Whether full ID numbers and card accounts may be shown to this caller (lists are
	 * always masked).
	 */
	public boolean seesPersonalData() {
		return has(Role.ADMIN) || has(Role.STAFF) || has(Role.TOWNSHIP_OFFICER);
	}

	private String ownTownship() {
		if (this.township == null || this.township.isBlank()) {
			throw ApiException.forbidden("The token of a township officer carries no township.");
		}
		return this.township;
	}

}
