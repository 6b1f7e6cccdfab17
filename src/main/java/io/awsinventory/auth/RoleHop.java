package io.awsinventory.auth;

/** One {@code sts:AssumeRole} of a chain: the role and the external id sent with it (or null). */
public record RoleHop(String roleArn, String externalId) {

  @Override
  public String toString() {
    return roleArn;
  }
}
