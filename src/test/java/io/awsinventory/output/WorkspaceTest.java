package io.awsinventory.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkspaceTest {
  @TempDir Path out;

  private List<String> listing() throws IOException {
    try (Stream<Path> files = Files.list(out)) {
      // the lock file stays, as lock files do; everything else is the run's set
      return files
          .map(p -> p.getFileName().toString())
          .filter(name -> !name.startsWith("."))
          .sorted()
          .toList();
    }
  }

  @Test
  void commit_replacesThePreviousSet_andLeavesNoTemporaryFiles() throws Exception {
    Files.writeString(out.resolve("a.json"), "old a");
    try (Workspace workspace = Workspace.open(out)) {
      Files.writeString(workspace.staged("a.json"), "new a");
      Files.writeString(workspace.staged("run_summary.json"), "new summary");
      Files.writeString(workspace.spillFile("x"), "spill");

      workspace.commit(List.of("a.json", "run_summary.json"), List.of());

      assertThat(workspace.committed()).isTrue();
    }
    assertThat(listing()).containsExactly("a.json", "run_summary.json");
    assertThat(Files.readString(out.resolve("a.json"))).isEqualTo("new a");
  }

  @Test
  void commit_failingPartWay_putsThePreviousSetBack() throws Exception {
    Files.writeString(out.resolve("a.json"), "old a");
    Files.writeString(out.resolve("b.json"), "old b");
    Files.writeString(out.resolve("run_summary.json"), "old summary");
    try (Workspace workspace = Workspace.open(out)) {
      Files.writeString(workspace.staged("a.json"), "new a");
      // b.json was never staged (its write failed): its move fails after a.json was placed
      Files.writeString(workspace.staged("run_summary.json"), "new summary");

      assertThatThrownBy(
              () -> workspace.commit(List.of("a.json", "b.json", "run_summary.json"), List.of()))
          .isInstanceOf(IOException.class);
      assertThat(workspace.committed()).isFalse();
    }
    assertThat(Files.readString(out.resolve("a.json"))).isEqualTo("old a");
    assertThat(Files.readString(out.resolve("b.json"))).isEqualTo("old b");
    assertThat(Files.readString(out.resolve("run_summary.json"))).isEqualTo("old summary");
    assertThat(listing()).containsExactly("a.json", "b.json", "run_summary.json");
  }

  @Test
  void commit_removesTheToolsOwnFilesThatTheNewSetLacks_andNothingElse() throws Exception {
    Files.writeString(out.resolve("a.csv"), "old csv");
    Files.writeString(out.resolve("notes.txt"), "the operator's own file");
    try (Workspace workspace = Workspace.open(out)) {
      Files.writeString(workspace.staged("a.json"), "new a");
      List<String> strays =
          workspace.strays(List.of("a.json", "a.csv", "b.csv", "notes.txt"), List.of("a.json"));
      assertThat(strays).containsExactly("a.csv", "notes.txt");

      workspace.commit(List.of("a.json"), List.of("a.csv"));
    }
    assertThat(listing()).containsExactly("a.json", "notes.txt");
  }

  @Test
  void open_whileAnotherRunHoldsTheFolder_namesItsPid() throws Exception {
    try (Workspace first = Workspace.open(out)) {
      String pid = String.valueOf(ProcessHandle.current().pid());
      assertThat(Files.readString(out.resolve(Workspace.LOCK_FILE)).strip()).isEqualTo(pid);

      assertThatThrownBy(() -> Workspace.open(out))
          .isInstanceOf(FolderLock.HeldException.class)
          .hasMessage("another run (pid " + pid + ") is writing to " + out);
    }
    // released with the run: the next one gets the folder
    Workspace.open(out).close();
  }

  @Test
  void open_removesTheWorkFoldersOfDeadRuns_andMakesItsOwnOwnerOnly() throws Exception {
    Path debris = Files.createDirectories(out.resolve(".aws-inventory-run-12345"));
    Files.writeString(debris.resolve("ec2_instances-1-eu-west-1.spill"), "old records");
    Path lookalike = Files.createDirectories(out.resolve("aws-inventory-run-kept"));

    try (Workspace workspace = Workspace.open(out)) {
      assertThat(debris).doesNotExist();
      assertThat(lookalike).exists();
      Path spill = workspace.spillFile("x");
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(spill)))
          .isEqualTo("rw-------");
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(spill.getParent())))
          .isEqualTo("rwx------");
    }
  }

  /** Commits a set of three files whose contents name {@code generation}. */
  private void commitSet(String generation) throws Exception {
    try (Workspace workspace = Workspace.open(out)) {
      for (String name : List.of("a.json", "b.json", "run_summary.json")) {
        Files.writeString(workspace.staged(name), generation + " " + name);
      }
      workspace.commit(List.of("a.json", "b.json", "run_summary.json"), List.of());
    }
  }

  /** Commits in a row while a reader polls; more with {@code -Drounds=N} to hunt a rare race. */
  private static final int ROUNDS = Integer.getInteger("rounds", 300);

  @Test
  void commit_aReaderPollingTheFolder_neverFindsAFileMissing() throws Exception {
    commitSet("first");
    java.util.concurrent.atomic.AtomicBoolean stop =
        new java.util.concurrent.atomic.AtomicBoolean();
    java.util.concurrent.atomic.AtomicLong polls = new java.util.concurrent.atomic.AtomicLong();
    java.util.List<String> missing = new java.util.concurrent.CopyOnWriteArrayList<>();
    Thread reader =
        new Thread(
            () -> {
              while (!stop.get()) {
                for (String name : List.of("a.json", "b.json", "run_summary.json")) {
                  try {
                    Files.readString(out.resolve(name));
                  } catch (IOException e) {
                    missing.add(name + ": " + e);
                  }
                  polls.incrementAndGet();
                }
              }
            });
    reader.start();
    try {
      for (int round = 0; round < ROUNDS; round++) {
        commitSet("round-" + round);
      }
    } finally {
      stop.set(true);
      reader.join();
    }

    assertThat(missing).as(polls.get() + " polls").isEmpty();
    assertThat(polls.get()).isGreaterThan(1000);
    assertThat(Files.readString(out.resolve("a.json")))
        .isEqualTo("round-" + (ROUNDS - 1) + " a.json");
    assertThat(listing()).containsExactly("a.json", "b.json", "run_summary.json");
  }

  private List<Path> generations() throws IOException {
    try (Stream<Path> files = Files.list(out)) {
      return files
          .filter(p -> p.getFileName().toString().startsWith(GenerationCommit.GENERATION))
          .sorted()
          .toList();
    }
  }

  private Path current() throws IOException {
    return out.resolve(Files.readSymbolicLink(out.resolve(GenerationCommit.DATA)));
  }

  /** Commits a set and returns the generation it made current. */
  private Path committed(String generation) throws Exception {
    commitSet(generation);
    return current();
  }

  private static void age(Path folder, java.time.Duration by) throws IOException {
    Files.setLastModifiedTime(
        folder, java.nio.file.attribute.FileTime.from(java.time.Instant.now().minus(by)));
  }

  @Test
  void commit_keepsTheGenerationItReplaced_andALaterRunRemovesItOnceOld() throws Exception {
    Path first = committed("first");
    Path second = committed("second");

    // a reader that followed the link to the first set an instant before the swap still finds it
    assertThat(generations()).containsExactlyInAnyOrder(first, second);
    assertThat(Files.readString(first.resolve("a.json"))).isEqualTo("first a.json");

    age(first, GenerationCommit.KEPT_AFTER_SWAP.plusSeconds(1));
    Workspace.open(out).close();

    assertThat(generations()).containsExactly(second);
    assertThat(Files.readString(out.resolve("a.json"))).isEqualTo("second a.json");
  }

  @Test
  void commit_removesTheGenerationsReplacedLongAgo_andKeepsTheOneItReplaced() throws Exception {
    Path first = committed("first");
    Path second = committed("second");
    age(first, GenerationCommit.KEPT_AFTER_SWAP.plusSeconds(1));
    // the age of a generation is the swap that replaced it, not when it was written
    age(second, java.time.Duration.ofHours(1));

    commitSet("third");

    assertThat(generations()).containsExactlyInAnyOrder(second, current());
    assertThat(Files.readString(out.resolve("b.json"))).isEqualTo("third b.json");
  }

  @Test
  void open_removesAKilledRunsGenerationOnceOld_andLeavesAFreshOne() throws Exception {
    commitSet("first");
    Path old = Files.createDirectory(out.resolve(GenerationCommit.GENERATION + "1"));
    Files.writeString(old.resolve("a.json"), "killed before the swap");
    age(old, java.time.Duration.ofMinutes(5));
    Path fresh = Files.createDirectory(out.resolve(GenerationCommit.GENERATION + "2"));

    Workspace.open(out).close();

    assertThat(generations()).containsExactlyInAnyOrder(current(), fresh);
    assertThat(Files.readString(out.resolve("a.json"))).isEqualTo("first a.json");
  }
}
