package io.awsinventory.output;

import java.nio.file.Path;

/**
 * Where one target's sorted records of one resource type lie: {@code records} lines of JSON, {@code
 * length} bytes of {@code file} from {@code offset}. A small target's records share the run's
 * {@link SpillSegment} with the other small targets; a large one's fill a file of its own.
 */
public record Spill(Path file, long offset, long length, long records) {}
