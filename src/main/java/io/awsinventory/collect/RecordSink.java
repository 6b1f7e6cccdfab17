package io.awsinventory.collect;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Where a collector puts each record as soon as its page arrives. The framework adds the account,
 * region and time context and streams the record to disk; nothing is kept in memory.
 */
@FunctionalInterface
public interface RecordSink {
  void accept(ObjectNode record);
}
