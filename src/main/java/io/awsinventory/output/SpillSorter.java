package io.awsinventory.output;

import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.Semaphore;

/**
 * Sorts a spill file of {@code key TAB json} lines by their keys into a file of the records alone,
 * one JSON text a line, one record a key (the others are dropped as {@link Duplicates} says). A
 * file that fits the memory budget is sorted in memory as bytes; a larger one is cut into sorted
 * runs on disk and merged, so memory stays flat however large a target is.
 */
public final class SpillSorter {
  /** Lines compare by key, then by the whole line, so equal keys still order the same every run. */
  static final Comparator<String> ORDER =
      Comparator.comparing(SpillSorter::key).thenComparing(Comparator.naturalOrder());

  /** Runs merged at once; more are merged in passes, so open files stay few. */
  static final int MAX_FAN_IN = 64;

  /** One large sort at a time gets the large budget: memory stays flat however many run. */
  private static final Semaphore LARGE_SORT = new Semaphore(1);

  private final long memoryBudgetChars;
  private final long smallFileBytes;

  public SpillSorter(long memoryBudgetChars) {
    this(memoryBudgetChars, memoryBudgetChars);
  }

  SpillSorter(long memoryBudgetChars, long smallFileBytes) {
    this.memoryBudgetChars = memoryBudgetChars;
    this.smallFileBytes = smallFileBytes;
  }

  /**
   * The sorter of a run: spill files small enough to share the heap among {@code concurrentSorts}
   * sort at once in memory; a larger one waits for the large-sort budget, a sixth of the heap, and
   * sorts through the disk beyond it.
   */
  public static SpillSorter forHeap(int concurrentSorts) {
    long heap = Runtime.getRuntime().maxMemory();
    long large = Math.max(1 << 20, heap / 6);
    return new SpillSorter(large, Math.max(1 << 16, large / 4 / Math.max(1, concurrentSorts)));
  }

  /** The largest spill, in characters, that is sorted in memory alongside the others. */
  public long inMemoryChars() {
    return smallFileBytes;
  }

  /** Sorts {@code spill} into place, keeping the first record of a key; returns the records. */
  public long sort(Path spill) throws IOException {
    return sort(spill, new Duplicates(null));
  }

  /** Sorts {@code spill} into place, one record a key; returns the records written. */
  public long sort(Path spill, Duplicates duplicates) throws IOException {
    if (Files.size(spill) <= smallFileBytes) {
      return sortWithin(spill, duplicates);
    }
    try {
      LARGE_SORT.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new java.io.InterruptedIOException("interrupted while waiting to sort " + spill);
    }
    try {
      return sortWithin(spill, duplicates);
    } finally {
      LARGE_SORT.release();
    }
  }

  private long sortWithin(Path spill, Duplicates duplicates) throws IOException {
    if (Files.size(spill) <= memoryBudgetChars) {
      return sortBytes(spill, duplicates);
    }
    List<Path> runs = new ArrayList<>();
    try (BufferedReader in = Files.newBufferedReader(spill, StandardCharsets.UTF_8)) {
      List<String> chunk = new ArrayList<>();
      long chars = 0;
      String line;
      while ((line = in.readLine()) != null) {
        chunk.add(line);
        chars += line.length() + 32;
        if (chars >= memoryBudgetChars) {
          runs.add(writeRun(spill, runs.size(), chunk));
          chunk.clear();
          chars = 0;
        }
      }
      // a file larger than the budget in bytes whose lines still fit it ends as one run: the
      // in-memory sort of a file that fits is sortBytes's alone
      if (!chunk.isEmpty()) {
        runs.add(writeRun(spill, runs.size(), chunk));
      }
    }
    int pass = 0;
    while (runs.size() > MAX_FAN_IN) {
      List<Path> merged = new ArrayList<>();
      for (int from = 0; from < runs.size(); from += MAX_FAN_IN) {
        List<Path> group = runs.subList(from, Math.min(runs.size(), from + MAX_FAN_IN));
        Path target =
            spill.resolveSibling(spill.getFileName() + ".pass" + pass + "-" + merged.size());
        merge(group, target, null);
        for (Path run : group) {
          Files.deleteIfExists(run);
        }
        merged.add(target);
      }
      runs = merged;
      pass++;
    }
    long records = merge(runs, spill, duplicates);
    for (Path run : runs) {
      Files.deleteIfExists(run);
    }
    return records;
  }

  /** A line of a spill read whole: its key, and where its record's text lies in the bytes. */
  private record Line(String key, int from, int to) {}

  /**
   * Sorts a spill that fits the budget as its bytes: only the keys become strings, and a record's
   * text is compared as text only against another of the same key, in the order of {@link #ORDER}.
   */
  private static long sortBytes(Path spill, Duplicates duplicates) throws IOException {
    byte[] bytes = readInSlices(spill);
    List<Line> lines = new ArrayList<>();
    int start = 0;
    while (start < bytes.length) {
      int end = start;
      int tab = -1;
      while (end < bytes.length && bytes[end] != '\n') {
        if (tab < 0 && bytes[end] == '\t') {
          tab = end;
        }
        end++;
      }
      String key = new String(bytes, start, (tab < 0 ? end : tab) - start, StandardCharsets.UTF_8);
      lines.add(new Line(key, tab < 0 ? end : tab + 1, end));
      start = end + 1;
    }
    lines.sort(
        Comparator.comparing(Line::key)
            .thenComparing(
                (a, b) ->
                    new String(bytes, a.from(), a.to() - a.from(), StandardCharsets.UTF_8)
                        .compareTo(
                            new String(
                                bytes, b.from(), b.to() - b.from(), StandardCharsets.UTF_8))));
    long records = 0;
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(spill), 1 << 16)) {
      for (int i = 0; i < lines.size(); i++) {
        Line line = lines.get(i);
        if (i + 1 < lines.size() && lines.get(i + 1).key().equals(line.key())) {
          String kept = text(bytes, line);
          while (i + 1 < lines.size() && lines.get(i + 1).key().equals(line.key())) {
            kept = duplicates.pick(kept, text(bytes, lines.get(++i)));
          }
          out.write(kept.getBytes(StandardCharsets.UTF_8));
        } else {
          out.write(bytes, line.from(), line.to() - line.from());
        }
        out.write('\n');
        records++;
      }
    }
    return records;
  }

  /**
   * The bytes of {@code spill}, read a slice at a time: a read of the whole file at once goes
   * through a native buffer of the file's size, which each sorting thread keeps (16 threads sorting
   * spills of several megabytes held 132 MB outside the heap in the carry benchmark).
   */
  private static byte[] readInSlices(Path spill) throws IOException {
    byte[] bytes = new byte[Math.toIntExact(Files.size(spill))];
    try (InputStream in = Files.newInputStream(spill)) {
      int filled = 0;
      while (filled < bytes.length) {
        int read = in.read(bytes, filled, Math.min(READ_SLICE, bytes.length - filled));
        if (read < 0) {
          throw new IOException(spill + " ended before its size");
        }
        filled += read;
      }
    }
    return bytes;
  }

  /** The most read from a file at once, so the native buffer under a read stays small. */
  private static final int READ_SLICE = 1 << 16;

  private static String text(byte[] bytes, Line line) {
    return new String(bytes, line.from(), line.to() - line.from(), StandardCharsets.UTF_8);
  }

  private static Path writeRun(Path spill, int index, List<String> chunk) throws IOException {
    chunk.sort(ORDER);
    Path run = spill.resolveSibling(spill.getFileName() + ".run" + index);
    write(run, chunk, true);
    return run;
  }

  /** Writes {@code lines} with their keys, for a later merge, or without, as the records. */
  private static void write(Path file, List<String> lines, boolean withKeys) throws IOException {
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (String line : lines) {
        writeLine(out, line, withKeys);
      }
    }
  }

  private static void writeLine(BufferedWriter out, String line, boolean withKey)
      throws IOException {
    int from = withKey ? 0 : line.indexOf('\t') + 1;
    out.write(line, from, line.length() - from);
    out.write('\n');
  }

  /**
   * Merges sorted runs into {@code target}: with their keys for a later pass when {@code
   * duplicates} is null, else as the records, one a key. Returns the lines written.
   */
  private static long merge(List<Path> runs, Path target, Duplicates duplicates)
      throws IOException {
    record Head(String line, BufferedReader reader) {}
    PriorityQueue<Head> heads = new PriorityQueue<>(Comparator.comparing(Head::line, ORDER));
    List<BufferedReader> readers = new ArrayList<>();
    long written = 0;
    try (BufferedWriter out = Files.newBufferedWriter(target, StandardCharsets.UTF_8)) {
      for (Path run : runs) {
        BufferedReader reader = Files.newBufferedReader(run, StandardCharsets.UTF_8);
        readers.add(reader);
        String first = reader.readLine();
        if (first != null) {
          heads.add(new Head(first, reader));
        }
      }
      String pending = null;
      while (!heads.isEmpty()) {
        Head head = heads.poll();
        String line = head.line();
        if (duplicates == null) {
          writeLine(out, line, true);
          written++;
        } else if (pending != null && key(pending).equals(key(line))) {
          pending = key(line) + '\t' + duplicates.pick(json(pending), json(line));
        } else {
          if (pending != null) {
            writeLine(out, pending, false);
            written++;
          }
          pending = line;
        }
        String next = head.reader().readLine();
        if (next != null) {
          heads.add(new Head(next, head.reader()));
        }
      }
      if (pending != null) {
        writeLine(out, pending, false);
        written++;
      }
    } finally {
      for (BufferedReader reader : readers) {
        reader.close();
      }
    }
    return written;
  }

  private static String json(String line) {
    return line.substring(line.indexOf('\t') + 1);
  }

  static String key(String line) {
    int tab = line.indexOf('\t');
    return tab < 0 ? line : line.substring(0, tab);
  }
}
