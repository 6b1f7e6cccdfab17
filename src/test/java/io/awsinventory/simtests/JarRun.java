package io.awsinventory.simtests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The built jar run as a process, its output captured in files. */
final class JarRun {
  final Process process;
  final Path stdout;
  final Path stderr;

  private JarRun(Process process, Path stdout, Path stderr) {
    this.process = process;
    this.stdout = stdout;
    this.stderr = stderr;
  }

  static JarRun start(List<String> args) throws IOException {
    return start(args, Map.of());
  }

  /**
   * Starts the jar with none of this process's AWS or proxy variables, and with {@code env} added.
   */
  static JarRun start(List<String> args, Map<String, String> env) throws IOException {
    return start(List.of(), args, env);
  }

  /** Starts the jar with JVM options ({@code -Xmx256m}) before {@code -jar}. */
  static JarRun start(List<String> jvm, List<String> args, Map<String, String> env)
      throws IOException {
    List<String> command = new ArrayList<>(List.of("java"));
    command.addAll(jvm);
    command.addAll(List.of("-jar", System.getProperty("aws.inventory.jar")));
    command.addAll(args);
    ProcessBuilder builder = new ProcessBuilder(command);
    builder
        .environment()
        .keySet()
        .removeIf(
            k ->
                k.startsWith("AWS_")
                    || k.equalsIgnoreCase("HTTPS_PROXY")
                    || k.equalsIgnoreCase("HTTP_PROXY")
                    || k.equalsIgnoreCase("NO_PROXY"));
    // the jar never asks an instance metadata service for credentials in a test
    builder.environment().put("AWS_EC2_METADATA_DISABLED", "true");
    builder.environment().putAll(env);
    Path stdout = Files.createTempFile("jar-out", ".txt");
    Path stderr = Files.createTempFile("jar-err", ".txt");
    return new JarRun(
        builder.redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start(),
        stdout,
        stderr);
  }

  /** Kills the jar at once (SIGKILL): no shutdown hook runs. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(1, TimeUnit.MINUTES);
  }

  boolean alive() {
    return process.isAlive();
  }

  int waitFor() throws InterruptedException {
    if (!process.waitFor(5, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new IllegalStateException("the collector did not end within 5 minutes");
    }
    return process.exitValue();
  }

  String out() throws IOException {
    return Files.readString(stdout);
  }

  String err() throws IOException {
    return Files.readString(stderr);
  }
}
