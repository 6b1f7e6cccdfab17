package io.awsinventory.output;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An OS file lock on the output folder's lock file, held for the whole run. The OS releases it when
 * the process ends, however it ends, so a crashed run never leaves the folder locked; the file
 * itself stays and holds the pid of the last run that took it.
 */
public final class FolderLock implements AutoCloseable {
  /** Another live run holds the folder. */
  public static final class HeldException extends IOException {
    private final String holder;

    HeldException(Path file, String holder) {
      super("another run (pid " + holder + ") is writing to " + file.getParent());
      this.holder = holder;
    }

    /** The pid the holder wrote into the lock file, or "unknown". */
    public String holder() {
      return holder;
    }
  }

  /** The lock file is a link or not a regular file: the run will not open it. */
  public static final class UnsafeException extends IOException {
    UnsafeException(String message) {
      super(message);
    }
  }

  private final FileChannel channel;
  private final FileLock lock;

  private FolderLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /**
   * Takes the lock. The file is opened without following a link: a lock file that is a link (to
   * anything, inside the folder or out) or not a regular file is refused, never written through.
   */
  public static FolderLock acquire(Path file) throws IOException {
    if (Files.isSymbolicLink(file)
        || (Files.exists(file, LinkOption.NOFOLLOW_LINKS)
            && !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS))) {
      throw new UnsafeException(
          file + " is a link or not a regular file; remove it (the tool makes its own)");
    }
    FileChannel channel;
    try {
      channel =
          FileChannel.open(
              file,
              StandardOpenOption.CREATE,
              StandardOpenOption.READ,
              StandardOpenOption.WRITE,
              LinkOption.NOFOLLOW_LINKS);
    } catch (java.nio.file.FileSystemException e) {
      if (Files.isSymbolicLink(file)) {
        // made a link between the look above and the open: O_NOFOLLOW refused it
        throw new UnsafeException(file + " is a link; remove it (the tool makes its own)");
      }
      throw e;
    }
    FileLock lock;
    try {
      lock = channel.tryLock();
    } catch (OverlappingFileLockException sameProcess) {
      lock = null;
    }
    if (lock == null) {
      String holder = holder(file);
      channel.close();
      throw new HeldException(file, holder);
    }
    channel.truncate(0);
    channel.write(
        ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.UTF_8)),
        0);
    channel.force(false);
    return new FolderLock(channel, lock);
  }

  private static String holder(Path file) {
    try {
      String text = Files.readString(file, StandardCharsets.UTF_8).strip();
      return text.matches("\\d{1,10}") ? text : "unknown";
    } catch (IOException e) {
      return "unknown";
    }
  }

  @Override
  public void close() {
    try {
      lock.release();
      channel.close();
    } catch (IOException ignored) {
      // the OS releases the lock when the channel or the process goes
    }
  }
}
