package cn.resettlement.platform.audit;

import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;

import cn.resettlement.platform.security.Caller;

/**
 * The audit record of every change: who, when, what. Written in the transaction of the
 * change, so it exists exactly when the change does. Never put ID numbers or card
 * accounts in the details.
 */
public class AuditTrail {

	private final JdbcClient jdbc;

	private final JsonMapper json;

	public AuditTrail(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/**
	 * @param action what happened, e.g. {@code migrant.adjusted}
	 * @param entityType the kind of record, e.g. {@code Migrant}
	 * @param entityId its id
	 * @param details a few non-personal facts (ids, types, amounts), or an empty map
	 */
	public void record(String action, String entityType, Object entityId, Map<String, ?> details) {
		this.jdbc.sql("insert into audit_log (actor, action, entity_type, entity_id, details) values (?, ?, ?, ?, ?)")
			.params(Caller.current().userId(), action, entityType, String.valueOf(entityId),
					details.isEmpty() ? null : this.json.writeValueAsString(details))
			.update();
	}

}
