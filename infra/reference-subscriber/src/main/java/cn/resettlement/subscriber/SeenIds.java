package cn.resettlement.subscriber;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.Set;

/**
 * The CloudEvents ids already processed, kept in an append-only text file (one id per
 * line) so de-duplication survives a restart. Ids are appended as they are seen and
 * forced to disk by {@link #flush()}, which the subscriber calls before it commits its
 * Kafka offsets: an event whose offset was not committed is read again after a crash and
 * recognised here.
 */
final class SeenIds implements AutoCloseable {

	private final Set<String> seen = new HashSet<>();

	private final FileChannel file;

	private final StringBuilder pending = new StringBuilder();

	SeenIds(Path path) {
		try {
			if (Files.exists(path)) {
				try (var lines = Files.lines(path, StandardCharsets.UTF_8)) {
					lines.map(String::strip).filter((line) -> !line.isEmpty()).forEach(this.seen::add);
				}
			}
			else if (path.toAbsolutePath().getParent() != null) {
				Files.createDirectories(path.toAbsolutePath().getParent());
			}
			this.file = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
					StandardOpenOption.APPEND);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot open the seen-ids file " + path, ex);
		}
	}

	/** Records an id; false when it was seen before (a duplicate). */
	boolean add(String id) {
		if (!this.seen.add(id)) {
			return false;
		}
		this.pending.append(id).append('\n');
		return true;
	}

	int size() {
		return this.seen.size();
	}

	/** Writes the ids recorded since the last flush and forces them to disk. */
	void flush() {
		if (this.pending.isEmpty()) {
			return;
		}
		try {
			var bytes = java.nio.ByteBuffer.wrap(this.pending.toString().getBytes(StandardCharsets.UTF_8));
			while (bytes.hasRemaining()) {
				this.file.write(bytes);
			}
			this.file.force(false);
			this.pending.setLength(0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write the seen-ids file", ex);
		}
	}

	@Override
	public void close() {
		flush();
		try {
			this.file.close();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
