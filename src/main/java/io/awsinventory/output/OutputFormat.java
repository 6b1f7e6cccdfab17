package io.awsinventory.output;

import java.util.Arrays;
import java.util.Optional;

/** The file formats aws-inventory writes. */
public enum OutputFormat {
  JSON("json"),
  JSONL("jsonl"),
  CSV("csv");

  private final String extension;

  OutputFormat(String extension) {
    this.extension = extension;
  }

  public String extension() {
    return extension;
  }

  public static Optional<OutputFormat> fromName(String name) {
    return Arrays.stream(values()).filter(f -> f.extension.equals(name)).findFirst();
  }

  @Override
  public String toString() {
    return extension;
  }
}
