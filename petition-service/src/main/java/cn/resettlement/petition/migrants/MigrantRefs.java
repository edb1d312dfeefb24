package cn.resettlement.petition.migrants;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cn.resettlement.platform.security.Caller;

/**
 * This service's index of registered migrants by ID number, kept from
 * population-service's events, and the links from petitioners to migrants. Linking never
 * calls population: a registration works while population is down, and a petitioner whose
 * ID number is not known yet is linked when the migrant's event arrives.
 */
@Repository
public class MigrantRefs {

	private final JdbcClient jdbc;

	MigrantRefs(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The migrants with these ID numbers: ID number → migrant id. */
	public Map<String, UUID> migrantsByIdNumber(Collection<String> idNumbers) {
		Map<String, UUID> found = new HashMap<>();
		if (idNumbers.isEmpty()) {
			return found;
		}
		this.jdbc.sql("select id_number, migrant_id from migrant_ref where id_number = any(?)")
			.param(idNumbers.toArray(String[]::new))
			.query((rs, n) -> found.put(rs.getString(1), rs.getObject(2, UUID.class)))
			.list();
		return found;
	}

	/**
	 * Records that this ID number belongs to this migrant and links the petitioners who
	 * gave it and are not linked yet.
	 * @return petitioners linked now
	 */
	int remember(String idNumber, UUID migrantId, String townshipCode) {
		String actor = Caller.current().userId();
		this.jdbc.sql("""
				insert into migrant_ref (id_number, migrant_id, township_code, created_by, updated_by)
				values (?, ?, ?, ?, ?)
				on conflict (id_number) do update set migrant_id = excluded.migrant_id,
				       township_code = excluded.township_code, updated_at = now(), updated_by = excluded.updated_by""")
			.params(idNumber, migrantId, townshipCode, actor, actor)
			.update();
		return this.jdbc.sql("""
				update petitioner set migrant_id = ?, updated_at = now(), updated_by = ?
				where id_number = ? and migrant_id is null""").params(migrantId, actor, idNumber).update();
	}

	/** Forgets an ID number that was corrected away from this migrant. */
	void forget(String idNumber, UUID migrantId) {
		this.jdbc.sql("delete from migrant_ref where id_number = ? and migrant_id = ?")
			.params(idNumber, migrantId)
			.update();
	}

}
