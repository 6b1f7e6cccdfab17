package io.awsinventory.delivery;

import java.net.URI;
import java.util.Map;

/**
 * Where and how a set is delivered to the Data Hub: its base URL, the container task of each file
 * (by file stem: {@code ec2_instances}, {@code coverage}), the API key of each (a key is scoped to
 * one task's table; the key under {@code ""} serves the files without one of their own), and the
 * write mode, {@code replace} or {@code append}.
 */
public record DataHubSettings(
    URI url, Map<String, String> tasks, Map<String, String> keys, String mode) {
  public static final String REPLACE = "replace";
  public static final String APPEND = "append";

  public DataHubSettings {
    tasks = Map.copyOf(tasks);
    keys = Map.copyOf(keys);
  }

  /** The API key for the file of {@code stem}. */
  public String keyFor(String stem) {
    return keys.getOrDefault(stem, keys.get(""));
  }
}
