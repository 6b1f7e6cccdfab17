package io.awsinventory.cli;

import static io.awsinventory.InventoryException.invalidInput;

import io.awsinventory.Secrets;
import io.awsinventory.collect.ResourceType;
import io.awsinventory.collect.ResourceTypes;
import io.awsinventory.delivery.DataHubSettings;
import io.awsinventory.output.Coverage;
import io.awsinventory.output.OutputFormat;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Validates the Data Hub options into {@link DataHubSettings}, before any call. */
final class DataHubValidation {
  private static final Pattern TASK_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,127}");
  private static final String KEY_VARIABLE = "AWS_INVENTORY_DATAHUB_API_KEY";

  private final Map<String, String> env;

  DataHubValidation(Map<String, String> env) {
    this.env = env;
  }

  /**
   * The settings, or empty when no Data Hub option (nor its variable) is given.
   *
   * @param format the format of the set to deliver, or null when it is read from the set
   * @param resources the types the set holds, or null when it is read from the set
   */
  Optional<DataHubSettings> settings(
      DataHubOptions options, OutputFormat format, List<ResourceType> resources) {
    String url = options.url != null ? options.url : env.get("AWS_INVENTORY_DATAHUB_URL");
    List<String> tasks =
        options.tasks != null
            ? options.tasks
            : env.get("AWS_INVENTORY_DATAHUB_TASK") == null
                ? null
                : Arrays.asList(env.get("AWS_INVENTORY_DATAHUB_TASK").split(","));
    if (url == null && tasks == null && options.keyFiles == null && options.mode == null) {
      return Optional.empty();
    }
    if (url == null) {
      throw invalidInput("--datahub-url", "is needed with the other --datahub options");
    }
    URI base = url(url);
    if (tasks == null || tasks.isEmpty()) {
      throw invalidInput("--datahub-task", "names no task: give STEM=ID for each file to upload");
    }
    if (format == OutputFormat.JSONL) {
      throw invalidInput(
          "--format",
          "jsonl cannot be delivered: the Data Hub takes CSV, JSON or XLSX (use --format csv or"
              + " json)");
    }
    String mode = options.mode == null ? DataHubSettings.REPLACE : options.mode.strip();
    if (!mode.equals(DataHubSettings.REPLACE) && !mode.equals(DataHubSettings.APPEND)) {
      throw invalidInput("--datahub-mode", "'" + mode + "' is not replace or append");
    }
    Map<String, String> taskIds = tasks(tasks, resources);
    Map<String, String> keys = keys(options.keyFiles, taskIds);
    return Optional.of(new DataHubSettings(base, taskIds, keys, mode));
  }

  private static URI url(String text) {
    try {
      URI uri = new URI(text.strip());
      if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))
          || uri.getHost() == null
          || uri.getQuery() != null
          || uri.getUserInfo() != null) {
        throw invalidInput(
            "--datahub-url", "'" + text + "' is not an http(s) URL of a host, without a query");
      }
      String path = uri.getPath() == null || uri.getPath().isEmpty() ? "/" : uri.getPath();
      return uri.resolve(path.endsWith("/") ? path : path + "/");
    } catch (URISyntaxException e) {
      throw invalidInput("--datahub-url", "'" + text + "' is not a URL");
    }
  }

  private static Map<String, String> tasks(List<String> given, List<ResourceType> resources) {
    Set<String> stems = new java.util.TreeSet<>();
    (resources == null ? ResourceTypes.all() : resources).forEach(t -> stems.add(t.fileStem()));
    stems.add(Coverage.STEM);
    Map<String, String> tasks = new LinkedHashMap<>();
    for (String entry : given) {
      int eq = entry.indexOf('=');
      String stem = eq < 0 ? entry.strip() : entry.substring(0, eq).strip();
      String id = eq < 0 ? "" : entry.substring(eq + 1).strip();
      if (eq < 0 || id.isEmpty()) {
        throw invalidInput("--datahub-task", "'" + entry + "' is not STEM=TASK_ID");
      }
      if (!stems.contains(stem)) {
        throw invalidInput(
            "--datahub-task",
            "'" + stem + "' is not a file of this set; the files are " + String.join(", ", stems));
      }
      if (!TASK_ID.matcher(id).matches()) {
        throw invalidInput("--datahub-task", "'" + id + "' is not a task id (letters, digits, -)");
      }
      if (tasks.put(stem, id) != null) {
        throw invalidInput("--datahub-task", "names " + stem + " twice");
      }
    }
    return tasks;
  }

  private Map<String, String> keys(List<String> files, Map<String, String> tasks) {
    Map<String, String> keys = new HashMap<>();
    if (files != null) {
      for (String entry : files) {
        int eq = entry.indexOf('=');
        String stem =
            eq > 0 && tasks.containsKey(entry.substring(0, eq)) ? entry.substring(0, eq) : "";
        Path file = Path.of(stem.isEmpty() ? entry : entry.substring(eq + 1));
        if (keys.put(stem, readKey(file)) != null) {
          throw invalidInput(
              "--datahub-api-key-file",
              stem.isEmpty() ? "gives the key for every task twice" : "gives " + stem + "'s twice");
        }
      }
    }
    String fromEnv = env.get(KEY_VARIABLE);
    if (!keys.containsKey("") && fromEnv != null && !fromEnv.isBlank()) {
      Secrets.register(fromEnv.strip());
      keys.put("", fromEnv.strip());
    }
    for (String stem : tasks.keySet()) {
      if (!keys.containsKey(stem) && !keys.containsKey("")) {
        throw invalidInput(
            "--datahub-api-key-file",
            "no API key for "
                + stem
                + ": give --datahub-api-key-file FILE (or "
                + stem
                + "=FILE) or "
                + KEY_VARIABLE);
      }
    }
    return keys;
  }

  private static String readKey(Path file) {
    return SecretFile.read(file, "--datahub-api-key-file", "key");
  }
}
