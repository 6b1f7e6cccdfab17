package io.awsinventory.output;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Puts a new set of files in place so that a reader sees, at every instant, either the complete old
 * set or the complete new one, and a kill at any instant leaves one of them — the pattern of
 * Kubernetes' atomic writer. Each run's files go into a generation folder; the visible names are
 * symbolic links through one link, {@value #DATA}, that names the current generation; one {@code
 * rename} of that link swaps every file at once. Where symbolic links cannot be made (Windows
 * without the privilege), {@link Workspace} replaces the files one by one instead.
 */
final class GenerationCommit {
  /** The link that names the current generation. */
  static final String DATA = ".aws-inventory-data";

  /** The folders that hold one run's files each. */
  static final String GENERATION = ".aws-inventory-gen-";

  /**
   * How long a generation stays after it stops being current (or, for a killed run's, after its
   * files were moved in). A reader that followed {@value #DATA} to the old generation an instant
   * before the swap opens its file an instant after: the file must still be there.
   */
  static final Duration KEPT_AFTER_SWAP = Duration.ofSeconds(10);

  private GenerationCommit() {}

  /**
   * The generation folder {@value #DATA} names, empty when there is none yet. The link is only ever
   * followed into this folder's own generations: a link to anything else (outside the folder, a
   * link, a file) is refused, so a run never writes, links or deletes through it.
   */
  static Optional<Path> current(Path outputDir) throws IOException {
    Path data = outputDir.resolve(DATA);
    if (!Files.exists(data, LinkOption.NOFOLLOW_LINKS)) {
      return Optional.empty();
    }
    if (!Files.isSymbolicLink(data)) {
      throw new FolderLock.UnsafeException(data + " is not the link the tool makes; remove it");
    }
    Path target = Files.readSymbolicLink(data);
    Path generation = outputDir.resolve(target).normalize();
    boolean ownName =
        !target.isAbsolute()
            && target.getNameCount() == 1
            && target.toString().startsWith(GENERATION);
    if (ownName && !Files.exists(generation, LinkOption.NOFOLLOW_LINKS)) {
      // its generation was removed by hand: no set is current, the next commit replaces the link
      return Optional.empty();
    }
    if (!ownName || !Files.isDirectory(generation, LinkOption.NOFOLLOW_LINKS)) {
      throw new FolderLock.UnsafeException(
          data
              + " points to "
              + target
              + ", not to one of this folder's generations; remove it (the previous set is then"
              + " read from the plain files, if any)");
    }
    return Optional.of(generation);
  }

  /** Whether this folder's file system lets this process make symbolic links. */
  static boolean supported(Path outputDir) {
    Path probe = outputDir.resolve(".aws-inventory-link-probe-" + ProcessHandle.current().pid());
    try {
      Files.deleteIfExists(probe);
      Files.createSymbolicLink(probe, Path.of(DATA));
      Files.delete(probe);
      return true;
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      return false;
    }
  }

  /**
   * Moves {@code names} from {@code staging} into a new generation, makes each visible name a link
   * through {@value #DATA}, swaps {@value #DATA} to the new generation, then removes {@code strays}
   * and the generations that stopped being current more than {@link #KEPT_AFTER_SWAP} ago. The one
   * just replaced is marked with the time of the swap and left for a later run to remove.
   */
  static void commit(Path outputDir, Path staging, List<String> names, List<String> strays)
      throws IOException {
    Path generation = Files.createDirectory(outputDir.resolve(GENERATION + System.nanoTime()));
    List<Path> madeLinks = new ArrayList<>();
    try {
      for (String name : names) {
        move(staging.resolve(name), generation.resolve(name));
      }
      adoptPlainFiles(outputDir, names, strays);
      for (String name : names) {
        Path visible = outputDir.resolve(name);
        Path link = Path.of(DATA, name);
        if (!Files.isSymbolicLink(visible)) {
          // a name the old set did not have: it shows once the swap below is done
          Files.deleteIfExists(visible);
          Files.createSymbolicLink(visible, link);
          madeLinks.add(visible);
        } else if (!Files.readSymbolicLink(visible).equals(link)) {
          // a link the tool did not make (to a file elsewhere): replaced by a rename, never
          // written through; it names the old set's file no longer, so it goes before the swap
          Path own = outputDir.resolve("." + name + ".link-" + System.nanoTime());
          Files.createSymbolicLink(own, link);
          Files.move(own, visible, StandardCopyOption.ATOMIC_MOVE);
        }
      }
    } catch (IOException | RuntimeException e) {
      for (Path link : madeLinks) {
        Files.deleteIfExists(link);
      }
      deleteTree(generation);
      throw e;
    }
    Path data = outputDir.resolve(DATA);
    Path replaced = current(outputDir).orElse(null);
    Path next = outputDir.resolve(DATA + ".next-" + System.nanoTime());
    Files.createSymbolicLink(next, generation.getFileName());
    // the instant of commit: one rename
    Files.move(next, data, StandardCopyOption.ATOMIC_MOVE);
    Instant swapped = Instant.now();
    if (replaced != null && Files.isDirectory(replaced, LinkOption.NOFOLLOW_LINKS)) {
      try {
        Files.setLastModifiedTime(replaced, FileTime.from(swapped));
      } catch (IOException unmarked) {
        // the new set is in place; unmarked, the old one keeps its own time and may go sooner
      }
    }
    for (String name : strays) {
      Files.deleteIfExists(outputDir.resolve(name));
    }
    removeUnusedGenerations(outputDir, swapped);
  }

  /**
   * A folder written by an earlier run holds plain files: they become a generation of their own,
   * hard-linked (or copied), and each visible name a link into it, the content unchanged, before
   * the new generation is swapped in.
   */
  private static void adoptPlainFiles(Path outputDir, List<String> names, List<String> strays)
      throws IOException {
    List<String> plain = new ArrayList<>();
    for (List<String> list : List.of(names, strays)) {
      for (String name : list) {
        if (Files.isRegularFile(outputDir.resolve(name), LinkOption.NOFOLLOW_LINKS)) {
          plain.add(name);
        }
      }
    }
    if (plain.isEmpty()) {
      return;
    }
    Path data = outputDir.resolve(DATA);
    Path current = current(outputDir).orElse(null);
    if (current == null) {
      current =
          Files.createDirectory(outputDir.resolve(GENERATION + "adopted-" + System.nanoTime()));
      Path first = outputDir.resolve(DATA + ".first-" + System.nanoTime());
      Files.createSymbolicLink(first, current.getFileName());
      Files.move(first, data, StandardCopyOption.ATOMIC_MOVE);
    }
    for (String name : plain) {
      Path file = outputDir.resolve(name);
      try {
        Files.createLink(current.resolve(name), file);
      } catch (IOException | UnsupportedOperationException e) {
        Files.copy(file, current.resolve(name), StandardCopyOption.REPLACE_EXISTING);
      }
      Path link = outputDir.resolve("." + name + ".link-" + System.nanoTime());
      Files.createSymbolicLink(link, Path.of(DATA, name));
      Files.move(link, file, StandardCopyOption.ATOMIC_MOVE);
    }
  }

  /**
   * Removes the generation folders {@value #DATA} does not name — replaced ones, or a killed run's
   * — once their time (the swap that replaced them, or their last file moved in) is more than
   * {@link #KEPT_AFTER_SWAP} before {@code now}.
   */
  static void removeUnusedGenerations(Path outputDir, Instant now) throws IOException {
    String current = current(outputDir).map(g -> g.getFileName().toString()).orElse("");
    Instant cutoff = now.minus(KEPT_AFTER_SWAP);
    try (Stream<Path> entries = Files.list(outputDir)) {
      for (Path entry : entries.toList()) {
        String name = entry.getFileName().toString();
        if (name.startsWith(GENERATION)
            && !name.equals(current)
            && Files.getLastModifiedTime(entry, LinkOption.NOFOLLOW_LINKS)
                .toInstant()
                .isBefore(cutoff)) {
          deleteTree(entry);
        } else if (name.startsWith(DATA + ".")) {
          Files.deleteIfExists(entry);
        }
      }
    }
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to);
    }
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        try {
          Files.deleteIfExists(path);
        } catch (FileSystemException busy) {
          // a reader still has it open on a system that will not delete it; the next run will
        }
      }
    }
  }
}
