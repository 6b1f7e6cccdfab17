package io.awsinventory.simtests;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Copies bytes both ways between two sockets until either side closes. */
final class Pipe {
  private Pipe() {}

  /** A pool of daemon threads for one connection each, which never keeps the test JVM alive. */
  static ExecutorService connectionThreads(String name) {
    return Executors.newCachedThreadPool(
        r -> {
          Thread thread = new Thread(r, name);
          thread.setDaemon(true);
          return thread;
        });
  }

  /** Runs the copy from {@code fromClient} in a new daemon thread and the other way in this one. */
  static void both(Socket client, InputStream fromClient, Socket upstream) {
    Thread up =
        new Thread(
            () -> {
              try {
                copy(fromClient, upstream.getOutputStream());
              } catch (IOException ignored) {
                // a side closed
              } finally {
                closeQuietly(upstream);
                closeQuietly(client);
              }
            },
            "pipe-up");
    up.setDaemon(true);
    up.start();
    try {
      copy(upstream.getInputStream(), client.getOutputStream());
    } catch (IOException ignored) {
      // a side closed
    } finally {
      closeQuietly(upstream);
      closeQuietly(client);
    }
  }

  private static void copy(InputStream in, OutputStream out) throws IOException {
    byte[] buffer = new byte[16384];
    for (int n; (n = in.read(buffer)) >= 0; ) {
      out.write(buffer, 0, n);
      out.flush();
    }
  }

  static void closeQuietly(Closeable closeable) {
    try {
      closeable.close();
    } catch (IOException ignored) {
      // already closed
    }
  }
}
