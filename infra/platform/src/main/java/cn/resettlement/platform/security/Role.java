package cn.resettlement.platform.security;

/** Roles carried in the token's {@code roles} claim. */
public enum Role {

	/** Administrators: everything, including configuration and rebuilds. */
	ADMIN,
	/** Centre staff (综合人教部, 基础设施部, 生产开发部, 财务部). */
	STAFF,
	/** Township resettlement officers (乡镇移民专干): their own township only. */
	TOWNSHIP_OFFICER,
	/** Finance bureau and auditors: read-only. */
	AUDITOR;

	public String authority() {
		return "ROLE_" + name();
	}

}
