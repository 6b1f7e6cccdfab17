package io.awsinventory.auth;

import io.awsinventory.transport.SharedConfigFiles;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.auth.credentials.InstanceProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.profiles.Profile;
import software.amazon.awssdk.profiles.ProfileFile;

/**
 * A named profile of the shared config and credentials files, read as the AWS CLI reads it. A
 * profile with {@code role_arn} is resolved by the tool's own role chain rather than the SDK's, so
 * its AssumeRole goes through the run's endpoint, proxy, CA bundle and session name: its base is
 * the {@code source_profile} (itself possibly a role profile) or the {@code credential_source}, and
 * each {@code role_arn} is one hop with the profile's {@code external_id}, {@code
 * role_session_name} and {@code duration_seconds}.
 *
 * @param base the credentials the first hop is signed with
 * @param hops the roles assumed from {@code base}, in order; empty for a profile with keys
 */
public record ProfileRoles(AwsCredentialsProvider base, List<RoleHop> hops) {

  /** Whether the shared files have a profile of this name. */
  public static boolean exists(String name) {
    return SharedConfigFiles.current().profile(name).isPresent();
  }

  /** The {@code region} of a profile, if the profile exists and names one. */
  public static Optional<String> region(String name) {
    return SharedConfigFiles.current().profile(name).flatMap(p -> p.property("region"));
  }

  /**
   * @param sharedFiles the shared files as the run reads them: the profile is looked up in them
   *     now, and the credential providers made here read them again when they change
   */
  static ProfileRoles resolve(String name, Supplier<ProfileFile> sharedFiles) {
    ProfileFile file = sharedFiles.get();
    List<RoleHop> hops = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    String current = name;
    while (true) {
      if (!seen.add(current)) {
        throw new IllegalArgumentException("profile " + name + " has a source_profile loop");
      }
      Profile profile =
          file.profile(current)
              .orElseThrow(() -> new IllegalArgumentException("no profile " + name));
      Optional<String> roleArn = profile.property("role_arn");
      if (roleArn.isEmpty()) {
        return new ProfileRoles(
            ProfileCredentialsProvider.builder()
                .profileFile(sharedFiles)
                .profileName(current)
                .build(),
            reversed(hops));
      }
      hops.add(
          new RoleHop(
              roleArn.get(),
              profile.property("external_id").orElse(null),
              profile.property("role_session_name").orElse(null),
              profile.property("duration_seconds").map(Integer::valueOf).orElse(null)));
      Optional<String> source = profile.property("source_profile");
      if (source.isPresent() && !source.get().equals(current)) {
        current = source.get();
        continue;
      }
      if (source.isPresent()) {
        // a profile that names itself as source holds the keys its role is assumed with
        return new ProfileRoles(StaticKeysOf.profile(profile), reversed(hops));
      }
      return new ProfileRoles(
          credentialSource(profile.property("credential_source").orElse(""), current, sharedFiles),
          reversed(hops));
    }
  }

  private static List<RoleHop> reversed(List<RoleHop> hops) {
    List<RoleHop> ordered = new ArrayList<>(hops);
    java.util.Collections.reverse(ordered);
    return List.copyOf(ordered);
  }

  private static AwsCredentialsProvider credentialSource(
      String source, String profile, Supplier<ProfileFile> sharedFiles) {
    return switch (source) {
      case "Environment" -> EnvironmentVariableCredentialsProvider.create();
      case "Ec2InstanceMetadata" ->
          InstanceProfileCredentialsProvider.builder()
              .profileFile(sharedFiles)
              .profileName(profile)
              .build();
      case "EcsContainer" -> ContainerCredentialsProvider.builder().build();
      default ->
          throw new IllegalArgumentException(
              "a profile with role_arn needs source_profile or credential_source"
                  + " (Environment, Ec2InstanceMetadata or EcsContainer)");
    };
  }

  /** The keys written in a profile itself. */
  private static final class StaticKeysOf {
    private StaticKeysOf() {}

    static AwsCredentialsProvider profile(Profile profile) {
      String id = profile.property("aws_access_key_id").orElse("");
      String secret = profile.property("aws_secret_access_key").orElse("");
      return software.amazon.awssdk.auth.credentials.StaticCredentialsProvider.create(
          software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create(id, secret));
    }
  }
}
