package io.awsinventory.history;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The scope of a run: what decides which accounts x regions x resources it reads. History, the
 * latest snapshots and retention work within a scope, so two organizations, or the shards of one,
 * kept in one database never mix.
 */
final class Scopes {
  /** The options that choose accounts, regions and resources, in the order the scope names them. */
  static final List<String> OPTIONS =
      List.of(
          "list-accounts",
          "organizational-unit",
          "accounts",
          "exclude-accounts",
          "shard",
          "regions",
          "resources");

  private Scopes() {}

  /**
   * The scope of the run {@code summary} describes: the account its first identity is (the
   * organization's management or delegated account, or the one account read), then each scope
   * option that is set, lists sorted: {@code 111122223333 list-accounts=true regions=all enabled
   * resources=db-instances,instances}.
   */
  static String of(JsonNode summary) {
    List<String> parts = new ArrayList<>();
    JsonNode identities = summary.path("identities");
    parts.add(identities.size() > 0 ? identities.get(0).path("accountId").asText("") : "");
    JsonNode options = summary.path("options");
    for (String option : OPTIONS) {
      JsonNode value = options.path(option);
      if (value.isMissingNode() || value.isNull()) {
        continue;
      }
      String text;
      if (value.isArray()) {
        TreeSet<String> items = new TreeSet<>();
        value.forEach(item -> items.add(item.asText()));
        text = String.join(",", items);
      } else {
        text = value.asText();
      }
      parts.add(option + "=" + text);
    }
    return String.join(" ", parts).strip();
  }
}
