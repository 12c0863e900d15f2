package org.undersigned.faults;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The packaged service (target/quarkus-app/quarkus-run.jar) as a real process, on its own port,
 * with the settings a test gives; its output goes to a file under target/faults.
 */
final class ServiceProcess implements AutoCloseable {

  static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");

  private final Map<String, String> settings;
  private final int port;
  private final int managementPort;
  private final Path log;
  private List<String> jvmOptions = List.of("-Xmx256m");
  private List<String> prefix = List.of();
  private final Map<String, String> environment = new LinkedHashMap<>();
  private final List<String> unset = new ArrayList<>();
  private Process process;

  ServiceProcess(String name, Map<String, String> settings) throws IOException {
    try (ServerSocket probe = new ServerSocket(0);
        ServerSocket management = new ServerSocket(0)) {
      this.port = probe.getLocalPort();
      this.managementPort = management.getLocalPort();
    }
    this.settings = new LinkedHashMap<>(settings);
    Files.createDirectories(Path.of("target", "faults"));
    this.log = Path.of("target", "faults", name + ".log");
  }

  /** Runs the JVM with these options instead of the default heap of 256 MB. */
  ServiceProcess jvmOptions(List<String> options) {
    this.jvmOptions = List.copyOf(options);
    return this;
  }

  /** Runs the JVM through this command (e.g. setpriv, to run as another user). */
  ServiceProcess prefix(List<String> command) {
    this.prefix = List.copyOf(command);
    return this;
  }

  /** Sets an environment variable of the process (null: removes it from what it inherits). */
  ServiceProcess environment(String name, String value) {
    if (value == null) {
      unset.add(name);
    } else {
      environment.put(name, value);
    }
    return this;
  }

  /** The JVM options the Dockerfile runs the service with (its JAVA_OPTS), read from it. */
  static List<String> productionJvmOptions() throws IOException {
    for (String line : Files.readAllLines(Path.of("Dockerfile"))) {
      java.util.regex.Matcher m =
          java.util.regex.Pattern.compile("JAVA_OPTS=\"([^\"]*)\"").matcher(line);
      if (m.find()) {
        return List.of(m.group(1).strip().split("\\s+"));
      }
    }
    throw new IllegalStateException("The Dockerfile sets no JAVA_OPTS");
  }

  boolean isAlive() {
    return process != null && process.isAlive();
  }

  String baseUrl() {
    return "http://127.0.0.1:" + port;
  }

  /** The management interface: health and metrics. */
  String managementUrl() {
    return "http://127.0.0.1:" + managementPort;
  }

  Path log() {
    return log;
  }

  /** Starts the process and waits until it answers ready. */
  ServiceProcess start() throws Exception {
    List<String> command = new ArrayList<>(prefix);
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.add("-Dquarkus.http.port=" + port);
    command.add("-Dquarkus.management.port=" + managementPort);
    settings.forEach((key, value) -> command.add("-D" + key + "=" + value));
    command.add("-jar");
    command.add(JAR.toString());
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    unset.forEach(builder.environment()::remove);
    builder.environment().putAll(environment);
    process = builder.start();
    awaitReady(Duration.ofSeconds(90));
    return this;
  }

  /** Starts the process and waits for it to exit by itself, as one that refuses to start does. */
  int runToExit(Duration timeout) throws Exception {
    try {
      start();
    } catch (AssertionError exited) {
      // Expected: it exited before it got ready.
    }
    if (!process.waitFor(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
      throw new AssertionError("The service did not exit; see " + log.toAbsolutePath());
    }
    return process.exitValue();
  }

  void awaitReady(Duration timeout) throws Exception {
    HttpClient client = HttpClient.newHttpClient();
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new AssertionError("The service exited; see " + log.toAbsolutePath());
      }
      try {
        HttpResponse<String> ready =
            client.send(
                HttpRequest.newBuilder(URI.create(managementUrl() + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(2))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        if (ready.statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // Not listening yet.
      }
      Thread.sleep(200);
    }
    throw new AssertionError("The service did not get ready; see " + log.toAbsolutePath());
  }

  /** kill -9: no shutdown hook, no flush, nothing finishes. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor();
  }

  @Override
  public void close() throws InterruptedException {
    if (process != null && process.isAlive()) {
      process.destroy();
      if (!process.waitFor(
          java.util.concurrent.TimeUnit.SECONDS.toMillis(15),
          java.util.concurrent.TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
      }
    }
  }
}
