package io.awsinventory.fanout;

import io.awsinventory.InventoryException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.profiles.ProfileFileLocation;
import software.amazon.awssdk.profiles.ProfileFileSupplier;
import software.amazon.awssdk.profiles.ProfileFileSystemSetting;

/**
 * The shared AWS config and credentials files ({@code ~/.aws/config}, {@code ~/.aws/credentials},
 * or {@code AWS_CONFIG_FILE} and {@code AWS_SHARED_CREDENTIALS_FILE}) as a run's SDK clients and
 * credential providers see them.
 *
 * <p>The SDK reads and parses both files again for every client it builds, even one handed a
 * profile file of its own (its defaults are resolved before the client's settings are merged over
 * them). An organization's run builds two clients per account x region, and a config file of a few
 * dozen profiles made that most of the run's CPU. So the files are read here once: every client
 * gets that reading, every credential provider the run makes gets a supplier of the same files that
 * reads them again when they change (as the SDK's own does), and while this is open the SDK's own
 * look-up of the files is pointed at a path that never exists, where it finds nothing at the cost
 * of a failed file check.
 */
public final class SharedConfigFiles implements AutoCloseable {
  private static final String[] PROPERTIES = {
    ProfileFileSystemSetting.AWS_CONFIG_FILE.property(),
    ProfileFileSystemSetting.AWS_SHARED_CREDENTIALS_FILE.property()
  };

  /** Open instances: the first points the look-up away, the last one closed points it back. */
  private static int open;

  /** The look-up's settings before the first one opened, put back when the last one closes. */
  private static final String[] PREVIOUS = new String[PROPERTIES.length];

  private final ProfileFileSupplier live;
  private final ProfileFile snapshot;
  private boolean closed;

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

  /** Reads the files where the SDK would find them now, and points its own look-up away. */
  public static SharedConfigFiles readOnce() {
    synchronized (SharedConfigFiles.class) {
      // the SDK's supplier resolves the files' places when it is made: before they are pointed away
      SharedConfigFiles files = new SharedConfigFiles(ProfileFileSupplier.defaultSupplier());
      if (open++ == 0) {
        String nowhere = nowhere().toString();
        for (int i = 0; i < PROPERTIES.length; i++) {
          PREVIOUS[i] = System.getProperty(PROPERTIES[i]);
          System.setProperty(PROPERTIES[i], nowhere);
        }
      }
      return files;
    }
  }

  /** A path under a folder that is never created, so no file is ever found there. */
  private static Path nowhere() {
    return Path.of(
        System.getProperty("java.io.tmpdir"),
        "aws-inventory-no-shared-files-" + ProcessHandle.current().pid(),
        "none");
  }

  /** The files as read when the run began: the settings every client of the run is built with. */
  public ProfileFile snapshot() {
    return snapshot;
  }

  /** The files as they are when asked: for credential providers, which may outlive an edit. */
  public ProfileFileSupplier live() {
    return live;
  }

  @Override
  public void close() {
    synchronized (SharedConfigFiles.class) {
      if (closed) {
        return;
      }
      closed = true;
      if (--open == 0) {
        for (int i = 0; i < PROPERTIES.length; i++) {
          if (PREVIOUS[i] == null) {
            System.clearProperty(PROPERTIES[i]);
          } else {
            System.setProperty(PROPERTIES[i], PREVIOUS[i]);
          }
        }
      }
    }
  }
}
