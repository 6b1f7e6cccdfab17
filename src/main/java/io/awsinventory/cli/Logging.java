package io.awsinventory.cli;

import java.util.Arrays;
import java.util.List;

/**
 * Sets up the SLF4J simple logger before the first logger is made: warnings by default, debug for
 * the tool's own code with {@code --verbose}. The AWS SDK and the HTTP client stay at warn even
 * then, so request headers (which carry session tokens) never reach the log.
 */
final class Logging {
  private Logging() {}

  static void configure(String[] args) {
    List<String> list = Arrays.asList(args);
    boolean verbose = list.contains("--verbose") || list.contains("-v");
    setIfAbsent("org.slf4j.simpleLogger.logFile", "System.err");
    setIfAbsent("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    setIfAbsent("org.slf4j.simpleLogger.showDateTime", "true");
    setIfAbsent("org.slf4j.simpleLogger.dateTimeFormat", "yyyy-MM-dd'T'HH:mm:ss.SSSXXX");
    setIfAbsent("org.slf4j.simpleLogger.showThreadName", "false");
    setIfAbsent("org.slf4j.simpleLogger.showShortLogName", "true");
    setIfAbsent("org.slf4j.simpleLogger.log.software.amazon.awssdk", "warn");
    setIfAbsent("org.slf4j.simpleLogger.log.org.apache.http", "warn");
    if (verbose) {
      setIfAbsent("org.slf4j.simpleLogger.log.io.awsinventory", "debug");
    }
  }

  private static void setIfAbsent(String key, String value) {
    if (System.getProperty(key) == null) {
      System.setProperty(key, value);
    }
  }
}
