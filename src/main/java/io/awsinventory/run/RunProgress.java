package io.awsinventory.run;

import io.awsinventory.fanout.StepListener;

/**
 * How a collect run shows its progress while it works; the command line decides what it looks like.
 */
public interface RunProgress extends StepListener, AutoCloseable {
  /** More steps are planned: an account's regions times the resource types. */
  void addPlanned(int steps);

  /** What was done so far, for a message: "12 of 48 steps, 2120 records". */
  String describe();

  @Override
  void close();
}
