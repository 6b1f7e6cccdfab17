package io.awsinventory.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A run's private folder inside the output folder, holding spill files and the finished files until
 * they are moved into place together. Living on the same file system as the output lets each move
 * be an atomic rename, so a reader never sees a half file. If the run stops before {@link #commit},
 * the output folder keeps the previous run's set untouched and the private folder is removed.
 *
 * <p>One run at a time writes to a folder: the workspace holds an OS lock on {@value #LOCK_FILE}
 * (released by the OS when the process dies, however it dies), and private folders it finds there
 * belong to runs that died without cleaning up, so it removes them. The private folder and the
 * spill files are readable by their owner only.
 */
public final class Workspace implements AutoCloseable {
  public static final String LOCK_FILE = ".aws-inventory.lock";
  private static final String PREFIX = ".aws-inventory-run-";

  private final Path outputDir;
  private final Path dir;
  private final FolderLock lock;
  private final Thread cleanupOnExit;
  private final Object commitLock = new Object();
  private volatile boolean committed;
  private SpillSegment segment;

  private Workspace(Path outputDir, Path dir, FolderLock lock) {
    this.outputDir = outputDir;
    this.dir = dir;
    this.lock = lock;
    this.cleanupOnExit = new Thread(this::deleteUnderLock, "aws-inventory-cleanup");
    Runtime.getRuntime().addShutdownHook(cleanupOnExit);
  }

  /**
   * Locks {@code outputDir} for this run, removes the private folders of dead runs, and makes this
   * run's own.
   *
   * @throws FolderLock.HeldException when another live run holds the folder
   */
  public static Workspace open(Path outputDir) throws IOException {
    Files.createDirectories(outputDir);
    FolderLock lock = FolderLock.acquire(outputDir.resolve(LOCK_FILE));
    try {
      GenerationCommit.current(outputDir);
      removeDeadRuns(outputDir);
      return new Workspace(outputDir, OwnerOnly.createDirectory(outputDir, PREFIX), lock);
    } catch (IOException | RuntimeException e) {
      lock.close();
      throw e;
    }
  }

  /** With the lock held, every private folder in the output folder belongs to a dead run. */
  private static void removeDeadRuns(Path outputDir) throws IOException {
    GenerationCommit.removeUnusedGenerations(outputDir, java.time.Instant.now());
    try (Stream<Path> entries = Files.list(outputDir)) {
      for (Path entry : entries.toList()) {
        if (entry.getFileName().toString().startsWith(PREFIX)
            && Files.isDirectory(entry, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
          deleteTree(entry);
        }
      }
    }
  }

  /**
   * The folder that holds the current set of {@code outputDir}: its generation folder where the set
   * is link-based, else the folder itself (files replaced one by one, or no set yet).
   *
   * @throws FolderLock.UnsafeException when the data link points anywhere but this folder's own
   *     generations
   */
  public static Path currentSet(Path outputDir) throws IOException {
    return GenerationCommit.current(outputDir).orElse(outputDir);
  }

  /** Whether the set in {@code outputDir} is swapped in by one link (see {@link #commit}). */
  public static boolean linkBased(Path outputDir) throws IOException {
    return GenerationCommit.current(outputDir).isPresent();
  }

  /** A spill file, created empty and owner-only. */
  public Path spillFile(String name) throws IOException {
    return OwnerOnly.createFile(dir.resolve(name + ".spill"));
  }

  /** The one file the small targets' sorted lines are appended to, created on first use. */
  synchronized SpillSegment spillSegment() throws IOException {
    if (segment == null) {
      segment = new SpillSegment(dir.resolve("small-targets.spill"));
    }
    return segment;
  }

  /**
   * The files in the output folder that carry one of the tool's own names ({@code ownNames}) but
   * are not part of the new set: {@link #commit} removes them, so the folder holds one run's set.
   */
  public List<String> strays(Collection<String> ownNames, Collection<String> newSet)
      throws IOException {
    List<String> strays = new java.util.ArrayList<>();
    for (String name : new java.util.TreeSet<>(ownNames)) {
      Path file = outputDir.resolve(name);
      boolean present =
          Files.isRegularFile(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)
              || Files.isSymbolicLink(file);
      if (!newSet.contains(name) && present) {
        strays.add(name);
      }
    }
    return strays;
  }

  /** The folder finished files are written to before {@link #commit} moves them into place. */
  public Path stagingFolder() {
    return dir;
  }

  /**
   * Stages the files of the current set that {@code commit} must carry into a new generation,
   * except {@code except}: where the set is swapped in by one link, a hard link to (or a copy of)
   * each; elsewhere none, the files staying in place. The names staged, for {@link #commit}.
   */
  public List<String> stageCurrentSet(Collection<String> except) throws IOException {
    List<String> staged = new java.util.ArrayList<>();
    Path current = GenerationCommit.current(outputDir).orElse(null);
    if (current == null || !GenerationCommit.supported(outputDir)) {
      return staged;
    }
    try (Stream<Path> files = Files.list(current)) {
      for (Path file : files.sorted().toList()) {
        String name = file.getFileName().toString();
        if (except.contains(name)
            || !Files.isRegularFile(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
          continue;
        }
        try {
          Files.createLink(dir.resolve(name), file);
        } catch (IOException | UnsupportedOperationException e) {
          Files.copy(file, dir.resolve(name));
        }
        staged.add(name);
      }
    }
    return staged;
  }

  /** Where a finished file is written before {@link #commit} moves it to the output folder. */
  public Path staged(String fileName) {
    return dir.resolve(fileName);
  }

  /**
   * Puts the staged files in place together. Where the file system has symbolic links, through a
   * generation folder swapped in by one rename ({@link GenerationCommit}): readers see the old set
   * or the new one at every instant. Elsewhere (Windows without the privilege) each file replaces
   * its predecessor by an atomic rename in the order given, the run summary last, the previous
   * files kept aside and put back if a move fails: a reader may meet files of both sets for that
   * moment, never a missing one. A shutdown in the middle waits for the moves to finish.
   */
  public void commit(List<String> fileNames, List<String> strays) throws IOException {
    synchronized (commitLock) {
      if (GenerationCommit.supported(outputDir)) {
        GenerationCommit.commit(outputDir, dir, fileNames, strays);
      } else {
        replaceOneByOne(fileNames, strays);
      }
      committed = true;
    }
  }

  private void replaceOneByOne(List<String> fileNames, List<String> strays) throws IOException {
    Path previous = Files.createDirectories(dir.resolve("previous"));
    List<String> keptAside = new java.util.ArrayList<>();
    for (String name : fileNames) {
      Path old = outputDir.resolve(name);
      if (Files.isRegularFile(old, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
        Files.copy(old, previous.resolve(name), StandardCopyOption.REPLACE_EXISTING);
        keptAside.add(name);
      }
    }
    List<String> placed = new java.util.ArrayList<>();
    try {
      for (String name : fileNames) {
        move(dir.resolve(name), outputDir.resolve(name));
        placed.add(name);
      }
    } catch (IOException e) {
      for (String name : placed) {
        if (keptAside.contains(name)) {
          move(previous.resolve(name), outputDir.resolve(name));
        } else {
          Files.deleteIfExists(outputDir.resolve(name));
        }
      }
      throw e;
    }
    for (String name : strays) {
      Files.deleteIfExists(outputDir.resolve(name));
    }
  }

  /** Whether the new files are in place, once a commit under way has ended. */
  public boolean awaitCommitted() {
    synchronized (commitLock) {
      return committed;
    }
  }

  /** Whether the new files are in place. */
  public boolean committed() {
    return committed;
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private void deleteUnderLock() {
    synchronized (commitLock) {
      closeSegment();
      deleteTree(dir);
    }
  }

  private synchronized void closeSegment() {
    if (segment != null) {
      try {
        segment.close();
      } catch (IOException e) {
        throw new UncheckedIOException("could not close " + dir, e);
      }
    }
  }

  private static void deleteTree(Path root) {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not remove " + root, e);
    }
  }

  @Override
  public void close() {
    deleteUnderLock();
    lock.close();
    try {
      Runtime.getRuntime().removeShutdownHook(cleanupOnExit);
    } catch (IllegalStateException shuttingDown) {
      // the hook is running or about to: it removes the folder itself
    }
  }
}
