package cn.resettlement.systemtest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import tools.jackson.databind.json.JsonMapper;

/**
 * What the run measured, printed and written to {@code target/system-test/timings.json}.
 */
final class Timings {

	private static final Map<String, Object> VALUES = new LinkedHashMap<>();

	private Timings() {
	}

	static synchronized void record(String name, Object value) {
		VALUES.put(name, value);
		System.out.println("[system-test] " + name + " = " + value);
	}

	static synchronized Object get(String name) {
		return VALUES.get(name);
	}

	/** Runs a step and records how long it took in milliseconds. */
	static <T> T time(String name, Supplier<T> step) {
		long start = System.nanoTime();
		try {
			return step.get();
		}
		finally {
			record(name + "Millis", (System.nanoTime() - start) / 1_000_000);
		}
	}

	static void time(String name, Runnable step) {
		time(name, () -> {
			step.run();
			return null;
		});
	}

	static synchronized void write() {
		try {
			Path file = Platform.work().resolve("timings.json");
			Files.createDirectories(file.getParent());
			Files.writeString(file,
					JsonMapper.builder().build().writerWithDefaultPrettyPrinter().writeValueAsString(VALUES),
					StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
