package cn.resettlement.contracts;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import cn.resettlement.contracts.docs.ContractFiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every schema version that was published is frozen as a baseline under
 * {@code src/test/resources/published/}; the current file must stay compatible with it
 * ({@link SchemaCompatibility}). A new version or type is a new file: freeze it when it
 * is released, with {@code -Dcontracts.freeze=true} (copies only the missing baselines).
 */
class PublishedSchemasTests {

	static final String FREEZE = "./mvnw -q -f infra/event-contracts/pom.xml test -Dtest=PublishedSchemasTests -Dcontracts.freeze=true";

	@Test
	void everyPublishedVersionIsStillCompatible() {
		List<String> breaks = new ArrayList<>();
		for (String file : ContractFiles.publishedFiles()) {
			Path current = ContractFiles.SCHEMAS.resolve(file);
			if (!Files.exists(current)) {
				continue; // reported below
			}
			SchemaCompatibility
				.check(ContractFiles.read(ContractFiles.PUBLISHED.resolve(file)), ContractFiles.read(current))
				.forEach((problem) -> breaks.add(file + " " + problem));
		}
		assertThat(breaks).as("""
				Incompatible changes to published schema versions. A published version never changes like this: \
				restore it and add the change as a new version (<Name>.v<N+1>.json, @EventVersion(N+1) on the event \
				record), published alongside the old one. Rules: docs/events.md, "Compatibility".""").isEmpty();
	}

	@Test
	void noPublishedVersionWasDeleted() {
		List<String> deleted = ContractFiles.publishedFiles()
			.stream()
			.filter((file) -> !Files.exists(ContractFiles.SCHEMAS.resolve(file)))
			.toList();
		assertThat(deleted)
			.as("published schema versions deleted from src/main/resources/schemas "
					+ "(subscribers replay old events: keep every version)")
			.isEmpty();
	}

	@Test
	void everySchemaIsFrozenAsPublished() throws IOException {
		List<String> missing = ContractFiles.schemaFiles()
			.stream()
			.filter((file) -> !Files.exists(ContractFiles.PUBLISHED.resolve(file)))
			.toList();
		if (Boolean.getBoolean("contracts.freeze")) {
			for (String file : missing) {
				Path baseline = ContractFiles.PUBLISHED.resolve(file);
				Files.createDirectories(baseline.getParent());
				Files.copy(ContractFiles.SCHEMAS.resolve(file), baseline);
			}
			return;
		}
		assertThat(missing).as("""
				New schema files without a published baseline. When the new type or version is reviewed and \
				released, freeze it (this copies only the missing files to \
				infra/event-contracts/src/test/resources/published/ and never overwrites one):
				  %s
				then commit the copies. From then on the compatibility check guards them.""", FREEZE).isEmpty();
	}

}
