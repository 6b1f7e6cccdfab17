package io.awsinventory.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.awsinventory.Account;
import io.awsinventory.InventoryException;
import io.awsinventory.discovery.AccountScope;
import io.awsinventory.discovery.Shard;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.AssumeRoleRequest;
import software.amazon.awssdk.services.sts.model.AssumeRoleResponse;
import software.amazon.awssdk.services.sts.model.AssumedRoleUser;
import software.amazon.awssdk.services.sts.model.Credentials;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityRequest;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

class SessionsTest {
  private static final String MASTER = "111111111111";

  /** STS as the run's clients see it: keys name the account they act in ("AK" + account id). */
  private static class FakeSts implements StsClient {
    final AwsCredentialsProvider signedBy;
    final List<String> assumed = new ArrayList<>();
    int identitiesAsked;
    int closed;
    String assumedRoleUserArn = "arn:aws:sts::%s:assumed-role/Reader/test";

    FakeSts(AwsCredentialsProvider signedBy) {
      this.signedBy = signedBy;
    }

    @Override
    public AssumeRoleResponse assumeRole(AssumeRoleRequest request) {
      // only the caller's keys let it assume a role; the role's account is in its ARN
      assertThat(signedBy.resolveCredentials().accessKeyId()).startsWith("AK");
      assumed.add(request.roleArn());
      String account = request.roleArn().split(":")[4];
      return AssumeRoleResponse.builder()
          .credentials(
              Credentials.builder()
                  .accessKeyId("AK" + account)
                  .secretAccessKey("master-secret-access-key")
                  .sessionToken("master-session-token")
                  .expiration(Instant.now().plusSeconds(3600))
                  .build())
          .assumedRoleUser(
              assumedRoleUserArn == null
                  ? null
                  : AssumedRoleUser.builder()
                      .arn(String.format(assumedRoleUserArn, account))
                      .assumedRoleId("AROA:test")
                      .build())
          .build();
    }

    @Override
    public GetCallerIdentityResponse getCallerIdentity(GetCallerIdentityRequest request) {
      identitiesAsked++;
      AwsCredentialsProvider credentials =
          request
              .overrideConfiguration()
              .flatMap(AwsRequestOverrideConfiguration::credentialsIdentityProvider)
              .map(AwsCredentialsProvider.class::cast)
              .orElse(signedBy);
      String account = credentials.resolveCredentials().accessKeyId().substring(2);
      return GetCallerIdentityResponse.builder()
          .account(account)
          .arn("arn:aws:sts::" + account + ":assumed-role/Asked/test")
          .build();
    }

    @Override
    public String serviceName() {
      return "sts";
    }

    @Override
    public void close() {
      closed++;
    }
  }

  private final List<FakeSts> built = java.util.Collections.synchronizedList(new ArrayList<>());

  /** Sessions whose master chain's check has ended. */
  private Sessions open(String... memberRoles) {
    Sessions sessions = openChecking(memberRoles);
    sessions.hops();
    return sessions;
  }

  private Sessions openChecking(String... memberRoles) {
    return openWith(
        List.of(memberRoles),
        (credentials, region) -> {
          FakeSts sts = new FakeSts(credentials);
          built.add(sts);
          return sts;
        },
        failure ->
            InventoryException.authentication("as waited for: " + failure.getMessage(), null));
  }

  private static Sessions openWith(
      List<String> memberRoles,
      StsClients clients,
      java.util.function.UnaryOperator<InventoryException> failures) {
    AccessSpec access =
        new AccessSpec(
            List.of(),
            new MemberRoles(memberRoles, null),
            "test",
            3600,
            new AccountScope(true, List.of(), Set.of(), Set.of(), Shard.ALL));
    return Sessions.open(
        new CredentialsSpec("AK" + MASTER, "master-secret-access-key", null, null, null, null),
        access,
        "eu-west-1",
        clients,
        ProfileFile::defaultProfileFile,
        failures);
  }

  @Test
  void memberSessions_shareOneStsClient_eachAskedWithItsOwnCredentials() {
    Sessions sessions = open("arn:{partition}:iam::{accountId}:role/Reader");
    int afterVerification = built.size();

    List<AccountSession> opened = new ArrayList<>();
    for (String id : List.of("222222222222", "333333333333", MASTER, "444444444444")) {
      opened.add(sessions.open(new Account(id, null)));
    }
    assertThat(opened)
        .extracting(s -> s.identity().accountId())
        .containsExactly("222222222222", "333333333333", MASTER, "444444444444");

    assertThat(built).hasSize(afterVerification + 1);
    FakeSts shared = built.get(afterVerification);
    assertThat(shared.signedBy).isSameAs(sessions.masterCredentials());
    assertThat(shared.assumed)
        .containsExactly(
            "arn:aws:iam::222222222222:role/Reader",
            "arn:aws:iam::333333333333:role/Reader",
            "arn:aws:iam::444444444444:role/Reader");

    opened.forEach(AccountSession::close);
    assertThat(shared.closed).as("an account's end leaves the shared client open").isZero();
    sessions.close();
    assertThat(shared.closed).isEqualTo(1);
  }

  @Test
  void memberChainOfTwoHops_secondHopSignedByTheFirst() {
    Sessions sessions =
        open(
            "arn:{partition}:iam::{accountId}:role/Reader",
            "arn:{partition}:iam::555555555555:role/Auditor");
    int afterVerification = built.size();

    AccountSession session = sessions.open(new Account("222222222222", null));

    assertThat(session.identity().accountId()).isEqualTo("555555555555");
    assertThat(built).hasSize(afterVerification + 2);
    FakeSts secondHop = built.get(afterVerification + 1);
    assertThat(secondHop.signedBy.resolveCredentials().accessKeyId()).isEqualTo("AK222222222222");
    session.close();
    assertThat(secondHop.closed).as("the chain closes the client it built").isEqualTo(1);
    assertThat(built.get(afterVerification).closed).isZero();
    sessions.close();
    assertThat(built.get(afterVerification).closed).isEqualTo(1);
  }

  @Test
  void accountIdentities_comeFromTheAssumeRoleAnswer_andTheMasterChain_withNoCallToAsk() {
    Sessions sessions = open("arn:{partition}:iam::{accountId}:role/Reader");
    int afterVerification = built.size();
    int askedAtOpen = built.stream().mapToInt(sts -> sts.identitiesAsked).sum();

    AccountSession member = sessions.open(new Account("222222222222", null));
    AccountSession master = sessions.open(new Account(MASTER, null));

    assertThat(member.identity().arn())
        .isEqualTo("arn:aws:sts::222222222222:assumed-role/Reader/test");
    assertThat(member.identity().accountId()).isEqualTo("222222222222");
    assertThat(master.identity()).isEqualTo(sessions.masterIdentity());
    assertThat(built.get(afterVerification).assumed)
        .containsExactly("arn:aws:iam::222222222222:role/Reader");
    assertThat(built.stream().mapToInt(sts -> sts.identitiesAsked).sum())
        .as("GetCallerIdentity calls after the run opened")
        .isEqualTo(askedAtOpen);
    sessions.close();
  }

  @Test
  void anAssumeRoleAnswerThatNamesNoOne_leavesTheIdentityToGetCallerIdentity() {
    Sessions sessions = open("arn:{partition}:iam::{accountId}:role/Reader");
    AccountSession member = sessions.open(new Account("222222222222", null));
    FakeSts shared = built.get(built.size() - 1);
    shared.assumedRoleUserArn = null;

    assertThat(member.identity().arn())
        .isEqualTo("arn:aws:sts::222222222222:assumed-role/Asked/test");
    assertThat(shared.identitiesAsked).isEqualTo(1);
    sessions.close();
  }

  @Test
  void open_returnsWhileTheCheckRuns_withTheCredentialsToListWith() throws Exception {
    java.util.concurrent.CountDownLatch answer = new java.util.concurrent.CountDownLatch(1);
    java.util.concurrent.atomic.AtomicBoolean answeredAfterOpen =
        new java.util.concurrent.atomic.AtomicBoolean();
    Sessions sessions =
        openWith(
            List.of(),
            (credentials, region) ->
                new FakeSts(credentials) {
                  @Override
                  public GetCallerIdentityResponse getCallerIdentity(
                      GetCallerIdentityRequest request) {
                    try {
                      // a check that waited for open to return: open did not wait for it
                      answeredAfterOpen.set(
                          answer.await(30, java.util.concurrent.TimeUnit.SECONDS));
                    } catch (InterruptedException e) {
                      Thread.currentThread().interrupt();
                    }
                    return super.getCallerIdentity(request);
                  }
                },
            failure -> failure);

    assertThat(sessions.masterCredentials().resolveCredentials().accessKeyId())
        .isEqualTo("AK" + MASTER);
    answer.countDown();

    assertThat(sessions.hops())
        .extracting(h -> h.hop(), h -> h.identity().accountId())
        .containsExactly(org.assertj.core.groups.Tuple.tuple("base", MASTER));
    assertThat(answeredAfterOpen).isTrue();
    assertThat(sessions.masterIdentity().accountId()).isEqualTo(MASTER);
    sessions.close();
  }

  @Test
  void aFailedCheck_isThrownWhereverItIsWaitedFor_asTheRunMapsIt() {
    List<FakeSts> rejecting = java.util.Collections.synchronizedList(new ArrayList<>());
    Sessions sessions =
        openWith(
            List.of(),
            (credentials, region) -> {
              FakeSts sts =
                  new FakeSts(credentials) {
                    @Override
                    public GetCallerIdentityResponse getCallerIdentity(
                        GetCallerIdentityRequest request) {
                      throw software.amazon.awssdk.services.sts.model.StsException.builder()
                          .statusCode(403)
                          .awsErrorDetails(
                              software.amazon.awssdk.awscore.exception.AwsErrorDetails.builder()
                                  .errorCode("InvalidClientTokenId")
                                  .errorMessage(
                                      "The security token included in the request is" + " invalid.")
                                  .build())
                          .build();
                    }
                  };
              rejecting.add(sts);
              return sts;
            },
            failure -> InventoryException.authentication("mapped: " + failure.getMessage(), null));

    for (Runnable waiter :
        List.<Runnable>of(
            sessions::hops,
            sessions::masterIdentity,
            () -> sessions.open(new Account("222222222222", null)))) {
      org.assertj.core.api.Assertions.assertThatThrownBy(waiter::run)
          .isInstanceOf(InventoryException.class)
          .hasMessageStartingWith(
              "mapped: authentication failed at the base credentials (static keys):"
                  + " InvalidClientTokenId");
    }
    sessions.close();
    assertThat(rejecting).hasSize(1);
    assertThat(rejecting.get(0).closed).as("the check closes the client it asked").isEqualTo(1);
  }
}
