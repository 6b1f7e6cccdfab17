package io.awsinventory.auth;

import io.awsinventory.Account;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.services.sts.StsClient;

/** The credentials that act in one account, and the member chain behind them when there is one. */
public final class AccountSession implements AutoCloseable {
  private final Account account;
  private final AwsCredentialsProvider credentials;
  private final AssumeRoleChain chain;
  private final StsClient sts;
  private final CallerIdentity known;

  /**
   * @param sts the run's STS client at the home region, which asks with this session's credentials
   * @param known who the credentials are when that is known already (the master chain's identity,
   *     checked when the run opened), else null
   */
  AccountSession(
      Account account,
      AwsCredentialsProvider credentials,
      AssumeRoleChain chain,
      StsClient sts,
      CallerIdentity known) {
    this.account = account;
    this.credentials = credentials;
    this.chain = chain;
    this.sts = sts;
    this.known = known;
  }

  public Account account() {
    return account;
  }

  public AwsCredentialsProvider credentials() {
    return credentials;
  }

  /**
   * Who the session is: the identity known when it was opened, else who STS named the member
   * chain's last session when it issued it (assuming the chain if that is not done yet); asked with
   * GetCallerIdentity only when neither says.
   */
  public CallerIdentity identity() {
    if (known != null) {
      return known;
    }
    if (chain != null) {
      Optional<CallerIdentity> session = chain.lastSession();
      if (session.isPresent()) {
        return session.get();
      }
    }
    return CallerIdentity.of(sts, credentials);
  }

  @Override
  public void close() {
    if (chain != null) {
      chain.close();
    }
  }
}
