package io.awsinventory.transport;

import io.awsinventory.InventoryException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.profiles.ProfileFileLocation;
import software.amazon.awssdk.profiles.ProfileFileSupplier;

/**
 * The shared AWS config and credentials files ({@code ~/.aws/config}, {@code ~/.aws/credentials},
 * or {@code AWS_CONFIG_FILE} and {@code AWS_SHARED_CREDENTIALS_FILE}) as a run's SDK clients and
 * credential providers see them.
 *
 * <p>The files are read once per run: every client is built with that reading, so all see the same
 * settings, and every credential provider the run makes gets a supplier of the same files that
 * reads them again when they change (as the SDK's own does). (The SDK's own look-up, which reads
 * the files again for each client it builds, was once pointed away while a run was open; with one
 * client per service x region for the whole run that saved no measurable time,
 * docs/performance.md.)
 */
public final class SharedConfigFiles {
  private final ProfileFileSupplier live;
  private final ProfileFile snapshot;

  private SharedConfigFiles(ProfileFileSupplier live) {
    this.live = live;
    this.snapshot = readable(live);
  }

  /**
   * The files as the SDK finds them now, for the options read before a run (a profile's region,
   * whether a profile exists).
   *
   * @throws InventoryException exit 2 when a file is not a config file the SDK can read
   */
  public static ProfileFile current() {
    return readable(ProfileFile::defaultProfileFile);
  }

  /**
   * A file the SDK cannot parse is the user's input gone wrong, named, not a failure of the tool.
   */
  private static ProfileFile readable(Supplier<ProfileFile> files) {
    try {
      return files.get();
    } catch (InventoryException e) {
      throw e;
    } catch (RuntimeException e) {
      throw InventoryException.invalidInput(unreadable(), "cannot be read: " + e.getMessage());
    }
  }

  /** The file or files the SDK cannot parse, each tried alone. */
  private static String unreadable() {
    List<String> names = new ArrayList<>();
    check(ProfileFileLocation.configurationFileLocation(), ProfileFile.Type.CONFIGURATION, names);
    check(ProfileFileLocation.credentialsFileLocation(), ProfileFile.Type.CREDENTIALS, names);
    return names.isEmpty() ? "the shared AWS config files" : String.join(", ", names);
  }

  private static void check(Optional<Path> file, ProfileFile.Type type, List<String> names) {
    file.ifPresent(
        path -> {
          try {
            ProfileFile.builder().content(path).type(type).build().profiles();
          } catch (RuntimeException e) {
            names.add(path.toString());
          }
        });
  }

  /** Reads the files where the SDK finds them now. */
  public static SharedConfigFiles readOnce() {
    return new SharedConfigFiles(ProfileFileSupplier.defaultSupplier());
  }

  /** The files as read when the run began: the settings every client of the run is built with. */
  public ProfileFile snapshot() {
    return snapshot;
  }

  /** The files as they are when asked: for credential providers, which may outlive an edit. */
  public ProfileFileSupplier live() {
    return live;
  }
}
