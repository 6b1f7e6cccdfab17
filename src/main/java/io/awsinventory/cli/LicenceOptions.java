package io.awsinventory.cli;

import static io.awsinventory.InventoryException.invalidInput;

import io.awsinventory.licence.Entitlements;
import io.awsinventory.licence.LicenceReport;
import io.awsinventory.licence.Rules;
import java.io.IOException;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The rules and entitlements a licence report counts with ({@code report}, {@code collect}). */
public final class LicenceOptions {
  @Option(
      names = "--rules",
      paramLabel = "FILE",
      description =
          "Count with the licence rules in FILE instead of the built-in ones (docs/licensing.md"
              + " describes the file).")
  String rules;

  @Option(
      names = "--entitlements",
      paramLabel = "FILE",
      description =
          "A CSV file of the licences owned (product,edition,metric,quantity): the position shows"
              + " the units owned and the shortfall or surplus.")
  String entitlements;

  /** The report these options describe; a bad file is exit 2, before anything else is read. */
  LicenceReport report() {
    Rules table = rules == null ? Rules.builtIn() : read("--rules", rules, Rules::read);
    Entitlements owned =
        entitlements == null
            ? Entitlements.none()
            : read("--entitlements", entitlements, Entitlements::read);
    return new LicenceReport(table, owned);
  }

  private interface Reader<T> {
    T read(Path file) throws IOException;
  }

  private static <T> T read(String option, String value, Reader<T> reader) {
    Path file;
    try {
      file = Path.of(value);
    } catch (InvalidPathException e) {
      throw invalidInput(option, "'" + value + "' is not a valid path");
    }
    long size;
    try {
      size = java.nio.file.Files.size(file);
    } catch (NoSuchFileException e) {
      throw invalidInput(option, "no such file: " + file);
    } catch (IOException | SecurityException e) {
      throw invalidInput(option, "cannot read " + file);
    }
    if (size > io.awsinventory.SmallFiles.MAX_BYTES) {
      throw invalidInput(option, file + " is larger than 1 MB: not a rules or entitlements file");
    }
    try {
      return reader.read(file);
    } catch (IOException | RuntimeException e) {
      throw invalidInput(option, file + ": " + e.getMessage());
    }
  }
}
