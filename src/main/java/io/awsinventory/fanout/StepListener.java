package io.awsinventory.fanout;

/** Told of every account x region x resource step as it ends, for progress. */
@FunctionalInterface
public interface StepListener {
  void finished(Outcome outcome);
}
