package io.awsinventory.fanout;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The bounded pool every task of a run goes through: account planning and target x resource work
 * alike. Tasks may submit further tasks; {@link #awaitAll} returns when none is left. A task that
 * throws stops the run: it is a failure of the tool (output not writable, a bug), since AWS
 * failures are caught and recorded by the tasks themselves.
 */
public final class FanOut implements AutoCloseable {
  private final ExecutorService pool;
  private final Object monitor = new Object();
  private final AtomicReference<RuntimeException> fatal = new AtomicReference<>();
  private long pending;

  public FanOut(int concurrency) {
    AtomicInteger threads = new AtomicInteger();
    pool =
        Executors.newFixedThreadPool(
            concurrency,
            r -> {
              Thread thread = new Thread(r, "aws-inventory-" + threads.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
  }

  public void submit(Runnable task) {
    synchronized (monitor) {
      pending++;
    }
    pool.execute(
        () -> {
          try {
            if (fatal.get() == null) {
              task.run();
            }
          } catch (RuntimeException e) {
            fatal.compareAndSet(null, e);
          } catch (Error e) {
            fatal.compareAndSet(null, new IllegalStateException(e));
            throw e;
          } finally {
            synchronized (monitor) {
              pending--;
              if (pending == 0 || fatal.get() != null) {
                monitor.notifyAll();
              }
            }
          }
        });
  }

  /** Waits until every task, including those submitted by tasks, has ended. */
  public void awaitAll() throws InterruptedException {
    synchronized (monitor) {
      while (pending > 0 && fatal.get() == null) {
        monitor.wait();
      }
    }
    RuntimeException failure = fatal.get();
    if (failure != null) {
      throw failure;
    }
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }
}
