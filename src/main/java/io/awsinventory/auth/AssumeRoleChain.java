package io.awsinventory.auth;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;
import software.amazon.awssdk.services.sts.model.AssumeRoleRequest;

/**
 * A chain of {@code sts:AssumeRole} hops, each signed by the credentials of the one before. Every
 * hop is a provider that re-assumes its role before the session expires, so a run that outlasts a
 * session (chained sessions last at most an hour) keeps working. STS is called at the home region's
 * regional endpoint, whose tokens are valid in opt-in regions too.
 */
public final class AssumeRoleChain implements AutoCloseable {
  private final List<AwsCredentialsProvider> providers = new ArrayList<>();

  /** The STS clients the chain built, and closes; not a first hop's client it was given. */
  private final List<StsClient> stsClients = new ArrayList<>();

  private final List<StsAssumeRoleCredentialsProvider> hopProviders = new ArrayList<>();

  /** Each hop's STS client as its provider sees it: it keeps who the hop's session is. */
  private final List<SessionRecordingSts> hopClients = new ArrayList<>();

  private AssumeRoleChain(AwsCredentialsProvider base) {
    providers.add(base);
  }

  /**
   * Builds the providers of every hop; no call is made until credentials are first asked for.
   *
   * @param baseIsRoleSession whether the base credentials are themselves a role session, which
   *     makes even the first hop a chained one
   */
  public static AssumeRoleChain of(
      AwsCredentialsProvider base,
      List<RoleHop> hops,
      SessionSettings settings,
      StsClients clients,
      boolean baseIsRoleSession) {
    return of(base, null, hops, settings, clients, baseIsRoleSession);
  }

  /**
   * As {@link #of(AwsCredentialsProvider, List, SessionSettings, StsClients, boolean)}, with the
   * first hop assumed through {@code firstHopSts}, a client signed by {@code base} at the home
   * region that the caller owns and closes: the member chains of many accounts share one.
   */
  static AssumeRoleChain of(
      AwsCredentialsProvider base,
      StsClient firstHopSts,
      List<RoleHop> hops,
      SessionSettings settings,
      StsClients clients,
      boolean baseIsRoleSession) {
    AssumeRoleChain chain = new AssumeRoleChain(base);
    for (int i = 0; i < hops.size(); i++) {
      StsClient sts = i == 0 ? firstHopSts : null;
      if (sts == null) {
        sts = clients.sts(chain.last(), settings.homeRegion());
        chain.stsClients.add(sts);
      }
      chain.add(hops.get(i), sts, settings, baseIsRoleSession || i > 0);
    }
    return chain;
  }

  private void add(RoleHop hop, StsClient sts, SessionSettings settings, boolean chained) {
    AssumeRoleRequest request =
        AssumeRoleRequest.builder()
            .roleArn(hop.roleArn())
            .roleSessionName(hop.sessionName() != null ? hop.sessionName() : settings.sessionName())
            .durationSeconds(
                hop.durationSeconds() != null
                    ? (chained
                        ? Math.min(hop.durationSeconds(), SessionSettings.CHAINED_MAXIMUM_SECONDS)
                        : hop.durationSeconds())
                    : settings.durationFor(chained))
            .externalId(hop.externalId())
            .build();
    SessionRecordingSts recording = new SessionRecordingSts(sts);
    hopClients.add(recording);
    StsAssumeRoleCredentialsProvider provider =
        StsAssumeRoleCredentialsProvider.builder()
            .stsClient(recording)
            .refreshRequest(request)
            .asyncCredentialUpdateEnabled(false)
            .build();
    hopProviders.add(provider);
    providers.add(new RegisteringCredentials(provider));
  }

  /** The credentials the chain ends in (the base credentials for an empty chain). */
  public AwsCredentialsProvider last() {
    return providers.get(providers.size() - 1);
  }

  /**
   * Who the chain's last session is, as STS named it when it issued the session: assumes the hops
   * not assumed yet. Empty for an empty chain, or when the answer named no one.
   */
  public Optional<CallerIdentity> lastSession() {
    if (hopClients.isEmpty()) {
      return Optional.empty();
    }
    last().resolveCredentials();
    return hopClients.get(hopClients.size() - 1).session();
  }

  /** The credentials reached after each hop, in order. */
  public List<AwsCredentialsProvider> hops() {
    return providers.subList(1, providers.size());
  }

  @Override
  public void close() {
    hopProviders.forEach(StsAssumeRoleCredentialsProvider::close);
    stsClients.forEach(StsClient::close);
  }
}
