package io.awsinventory.auth;

/**
 * One {@code sts:AssumeRole} of a chain: the role, the external id sent with it (or null), and the
 * session name and duration when this hop sets its own (a profile's {@code role_session_name} and
 * {@code duration_seconds}); null takes the run's.
 */
public record RoleHop(
    String roleArn, String externalId, String sessionName, Integer durationSeconds) {

  public RoleHop(String roleArn, String externalId) {
    this(roleArn, externalId, null, null);
  }

  @Override
  public String toString() {
    return roleArn;
  }
}
