package io.awsinventory;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The tool's version, stamped into the jar by the build. */
public final class Version {
  private Version() {}

  public static String tool() {
    Properties properties = new Properties();
    try (InputStream in = Version.class.getResourceAsStream("/aws-inventory.properties")) {
      if (in != null) {
        properties.load(in);
      }
    } catch (IOException e) {
      return "unknown";
    }
    return properties.getProperty("version", "unknown");
  }

  public static String awsSdk() {
    return software.amazon.awssdk.core.util.VersionInfo.SDK_VERSION;
  }
}
