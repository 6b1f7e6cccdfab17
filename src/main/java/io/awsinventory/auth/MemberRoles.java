package io.awsinventory.auth;

import java.util.List;

/**
 * The role chain assumed into each member account, from templates with {@value #ACCOUNT_ID} and
 * {@value #PARTITION} placeholders.
 */
public record MemberRoles(List<String> templates, String externalId) {
  public static final String ACCOUNT_ID = "{accountId}";
  public static final String PARTITION = "{partition}";
  public static final String DEFAULT_TEMPLATE =
      "arn:" + PARTITION + ":iam::" + ACCOUNT_ID + ":role/OrganizationAccountAccessRole";

  public MemberRoles {
    templates = List.copyOf(templates);
  }

  public static String fill(String template, String accountId, String partition) {
    return template.replace(ACCOUNT_ID, accountId).replace(PARTITION, partition);
  }

  /** The hops into one account. */
  public List<RoleHop> hopsInto(String accountId, String partition) {
    return templates.stream()
        .map(t -> new RoleHop(fill(t, accountId, partition), externalId))
        .toList();
  }
}
