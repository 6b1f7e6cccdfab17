package io.awsinventory.auth;

import io.awsinventory.Account;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.services.sts.StsClient;

/** The credentials that act in one account, and the member chain behind them when there is one. */
public final class AccountSession implements AutoCloseable {
  private final Account account;
  private final AwsCredentialsProvider credentials;
  private final AssumeRoleChain chain;
  private final StsClient sts;

  /**
   * @param sts the run's STS client at the home region, which asks with this session's credentials
   */
  AccountSession(
      Account account, AwsCredentialsProvider credentials, AssumeRoleChain chain, StsClient sts) {
    this.account = account;
    this.credentials = credentials;
    this.chain = chain;
    this.sts = sts;
  }

  public Account account() {
    return account;
  }

  public AwsCredentialsProvider credentials() {
    return credentials;
  }

  /** Assumes the member chain (if any) and asks STS who the session is. */
  public CallerIdentity identity() {
    return CallerIdentity.of(sts, credentials);
  }

  @Override
  public void close() {
    if (chain != null) {
      chain.close();
    }
  }
}
