package io.awsinventory.cli;

import static io.awsinventory.InventoryException.invalidInput;

import io.awsinventory.run.RunConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Validates where and how the files are written: the output folder, tag columns, carrying. */
final class OutputValidation {
  static final String DEFAULT_OUTPUT_DIR = "aws-inventory-output";

  /**
   * The longest output folder path: its work folder and the longest spill file name must stay
   * within the 4,096 characters of a Linux path (260 on Windows without long paths enabled).
   */
  static final int MAX_OUTPUT_PATH = 3800;

  private static final Pattern TAG_KEY = Pattern.compile("[^\\p{Cntrl}]{1,128}");

  private final Map<String, String> env;

  OutputValidation(Map<String, String> env) {
    this.env = env;
  }

  /**
   * {@code --carry-forward-days}, else {@code AWS_INVENTORY_CARRY_FORWARD_DAYS}, else 7: a whole
   * number of days from 0 (carry nothing) to 3650.
   */
  int carryForwardDays(String option) {
    String source = "--carry-forward-days";
    String value = option;
    if (value == null) {
      value = env.get("AWS_INVENTORY_CARRY_FORWARD_DAYS");
      source = "AWS_INVENTORY_CARRY_FORWARD_DAYS";
    }
    if (value == null) {
      return RunConfig.DEFAULT_CARRY_FORWARD_DAYS;
    }
    String days = value.strip();
    if (!days.matches("[0-9]{1,4}") || Integer.parseInt(days) > 3650) {
      throw invalidInput(
          source, "'" + value + "' is not a number of days from 0 (carry nothing) to 3650");
    }
    return Integer.parseInt(days);
  }

  static Path outputDir(String option) {
    String value = option == null ? DEFAULT_OUTPUT_DIR : option;
    if (value.isBlank()) {
      throw invalidInput("--output-dir", "is empty");
    }
    Path dir;
    try {
      dir = Path.of(value).toAbsolutePath().normalize();
    } catch (InvalidPathException e) {
      throw invalidInput("--output-dir", "'" + value + "' is not a valid path");
    }
    if (dir.toString().length() > MAX_OUTPUT_PATH) {
      throw invalidInput(
          "--output-dir",
          "the path is "
              + dir.toString().length()
              + " characters long; the files in it need a path under "
              + MAX_OUTPUT_PATH);
    }
    if (Files.exists(dir) && !Files.isDirectory(dir)) {
      throw invalidInput("--output-dir", dir + " exists and is not a folder");
    }
    try {
      Files.createDirectories(dir);
      Path probe = Files.createTempFile(dir, ".aws-inventory-probe-", ".tmp");
      Files.delete(probe);
    } catch (IOException | SecurityException e) {
      throw invalidInput("--output-dir", "cannot write to " + dir);
    }
    return dir;
  }

  static List<String> tagColumns(List<String> option) {
    if (option == null) {
      return List.of();
    }
    Set<String> keys = new LinkedHashSet<>();
    for (String raw : option) {
      String key = raw.strip();
      if (key.isEmpty()) {
        continue;
      }
      if (!TAG_KEY.matcher(key).matches()) {
        throw invalidInput("--tag-columns", "'" + key + "' is not a tag key");
      }
      keys.add(key);
    }
    return new ArrayList<>(keys);
  }
}
