package io.awsinventory.collect;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/** A sink that keeps what it is given, for assertions. */
final class RecordingSink implements RecordSink {
  final List<ObjectNode> records = new ArrayList<>();

  @Override
  public void accept(ObjectNode record) {
    records.add(record);
  }

  List<String> values(String member) {
    return records.stream().map(r -> r.get(member).asText()).toList();
  }
}
