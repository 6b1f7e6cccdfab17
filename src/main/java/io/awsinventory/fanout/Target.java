package io.awsinventory.fanout;

import io.awsinventory.Account;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/** One unit of fan-out: an account, the credentials that act in it, and a region. */
public record Target(Account account, AwsCredentialsProvider credentials, String region) {

  /** A stable, file-name-safe label. */
  public String label() {
    return account.id() + "-" + region;
  }
}
