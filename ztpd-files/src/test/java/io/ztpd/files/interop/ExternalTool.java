package io.ztpd.files.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/** Runs real client programs (curl, tftp, atftp) for interop tests. */
public final class ExternalTool {
  private ExternalTool() {}

  /**
   * Requires a program on the PATH: skipped with a printed reason locally, a failure when CI=true
   * (CI installs every client).
   */
  public static void require(String program, String debianPackage) {
    boolean present =
        List.of("/usr/bin/", "/usr/local/bin/", "/bin/").stream()
            .anyMatch(dir -> Files.isExecutable(Path.of(dir + program)));
    if (present) {
      return;
    }
    String reason = program + " not installed (apt-get install " + debianPackage + ")";
    if ("true".equals(System.getenv("CI"))) {
      throw new AssertionError("CI=true but " + reason);
    }
    System.out.println("SKIPPED: " + reason);
    Assumptions.assumeTrue(false, reason);
  }

  /** Runs a command, fails the test with its output if it does not exit 0 within the time. */
  public static String run(Path workDir, long timeoutSeconds, String... command)
      throws IOException, InterruptedException {
    Path log = Files.createTempFile(workDir, "tool", ".log");
    Process p =
        new ProcessBuilder(command)
            .directory(workDir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    boolean done = p.waitFor(timeoutSeconds, TimeUnit.SECONDS);
    if (!done) {
      p.destroyForcibly();
    }
    String output = Files.readString(log, StandardCharsets.UTF_8);
    assertThat(done).as("%s timed out: %s", String.join(" ", command), output).isTrue();
    assertThat(p.exitValue()).as("%s failed: %s", String.join(" ", command), output).isZero();
    return output;
  }

  /** Runs a command expected to fail; returns "exit=N" plus its output. */
  public static String runFailing(Path workDir, long timeoutSeconds, String... command)
      throws IOException, InterruptedException {
    Path log = Files.createTempFile(workDir, "tool", ".log");
    Process p =
        new ProcessBuilder(command)
            .directory(workDir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    boolean done = p.waitFor(timeoutSeconds, TimeUnit.SECONDS);
    if (!done) {
      p.destroyForcibly();
    }
    String output = Files.readString(log, StandardCharsets.UTF_8);
    assertThat(done).as("%s timed out: %s", String.join(" ", command), output).isTrue();
    assertThat(p.exitValue())
        .as("%s should fail: %s", String.join(" ", command), output)
        .isNotZero();
    return "exit=" + p.exitValue() + " " + output;
  }
}
