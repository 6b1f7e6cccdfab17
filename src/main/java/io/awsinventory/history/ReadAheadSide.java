package io.awsinventory.history;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One side of a diff read on a thread of its own: parsing the two sides' records (most of a diff's
 * work) runs on two cores, while the caller compares. A few hundred records wait between them.
 */
final class ReadAheadSide implements Diff.Source {
  private static final Object END = new Object();

  private final Diff.Source source;
  private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(512);
  private final Thread reader;
  private volatile boolean closed;
  private boolean ended;

  ReadAheadSide(Diff.Source source, String name) {
    this.source = source;
    this.reader = new Thread(this::read, "aws-inventory-diff-" + name);
    reader.setDaemon(true);
    reader.start();
  }

  private void read() {
    try {
      for (Diff.Keyed next = source.next(); next != null && !closed; next = source.next()) {
        put(next);
      }
      put(END);
    } catch (IOException | RuntimeException e) {
      put(e);
    }
  }

  private void put(Object item) {
    try {
      while (!closed && !queue.offer(item, 100, TimeUnit.MILLISECONDS)) {
        // the caller is comparing: wait for room
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public Diff.Keyed next() throws IOException {
    if (ended) {
      return null;
    }
    Object item;
    try {
      item = queue.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while reading a side of the diff");
    }
    if (item == END) {
      ended = true;
      return null;
    }
    if (item instanceof IOException e) {
      ended = true;
      throw new IOException(e.getMessage(), e);
    }
    if (item instanceof RuntimeException e) {
      ended = true;
      throw e;
    }
    return (Diff.Keyed) item;
  }

  @Override
  public void close() throws IOException {
    closed = true;
    queue.clear();
    try {
      reader.join(TimeUnit.MINUTES.toMillis(1));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    source.close();
  }
}
