package io.awsinventory.output;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One file the sorted lines of every small target are appended to, each target's lines in one
 * piece. A file per target and resource type cost the kernel more CPU than the run's own work in a
 * large organization (thousands of creates and deletes in one folder).
 */
final class SpillSegment implements AutoCloseable {
  private final Path file;
  private final FileChannel channel;
  private long end;

  SpillSegment(Path file) throws IOException {
    this.file = OwnerOnly.createFile(file);
    this.channel = FileChannel.open(this.file, StandardOpenOption.WRITE);
  }

  /** Appends {@code lines} in one piece and says where they lie. */
  synchronized Spill append(CharSequence lines) throws IOException {
    ByteBuffer bytes = StandardCharsets.UTF_8.encode(java.nio.CharBuffer.wrap(lines));
    long offset = end;
    while (bytes.hasRemaining()) {
      end += channel.write(bytes, end);
    }
    return new Spill(file, offset, end - offset);
  }

  @Override
  public synchronized void close() throws IOException {
    channel.close();
  }
}
