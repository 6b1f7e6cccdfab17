package io.awsinventory.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A run's private folder inside the output folder, holding spill files and the finished files until
 * they are moved into place together. Living on the same file system as the output lets each move
 * be an atomic rename, so a reader never sees a half file. If the run stops before {@link #commit},
 * the output folder keeps the previous run's set untouched and the private folder is removed.
 */
public final class Workspace implements AutoCloseable {
  private static final String PREFIX = ".aws-inventory-run-";

  private final Path outputDir;
  private final Path dir;
  private final Thread cleanupOnExit;
  private final Object commitLock = new Object();

  private Workspace(Path outputDir, Path dir) {
    this.outputDir = outputDir;
    this.dir = dir;
    this.cleanupOnExit = new Thread(this::deleteUnderLock, "aws-inventory-cleanup");
    Runtime.getRuntime().addShutdownHook(cleanupOnExit);
  }

  public static Workspace open(Path outputDir) throws IOException {
    Files.createDirectories(outputDir);
    return new Workspace(outputDir, Files.createTempDirectory(outputDir, PREFIX));
  }

  public Path spillFile(String name) {
    return dir.resolve(name + ".spill");
  }

  /** Where a finished file is written before {@link #commit} moves it to the output folder. */
  public Path staged(String fileName) {
    return dir.resolve(fileName);
  }

  /**
   * Moves the staged files into the output folder in the order given; the last one (the run
   * summary) lands only after every file it describes. A shutdown in the middle waits for the moves
   * to finish, so the set stays consistent.
   */
  public void commit(List<String> fileNames) throws IOException {
    synchronized (commitLock) {
      for (String name : fileNames) {
        move(dir.resolve(name), outputDir.resolve(name));
      }
    }
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
      deleteTree(dir);
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
    try {
      Runtime.getRuntime().removeShutdownHook(cleanupOnExit);
    } catch (IllegalStateException shuttingDown) {
      // the hook is running or about to: it removes the folder itself
    }
  }
}
