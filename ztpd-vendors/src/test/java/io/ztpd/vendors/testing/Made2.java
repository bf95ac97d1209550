package io.ztpd.vendors.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.ztpd.core.provisioning.Artifact;
import io.ztpd.core.provisioning.DeviceArtifacts.Made;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/** Assertions on made artifacts, and syntax checks of generated scripts by their interpreters. */
public final class Made2 {
  private Made2() {}

  public static Made.Ok ok(Optional<Made> made) {
    assertThat(made).isPresent();
    assertThat(made.get()).as(made.get().toString()).isInstanceOf(Made.Ok.class);
    return (Made.Ok) made.get();
  }

  public static String text(Optional<Made> made) {
    Artifact a = ok(made).artifact();
    assertThat(a).isInstanceOf(Artifact.Content.class);
    return new String(((Artifact.Content) a).bytes(), StandardCharsets.UTF_8);
  }

  /** Runs {@code command file} on the text; fails on a non-zero exit. Skips without the tool. */
  public static void check(String text, String suffix, String... command) throws Exception {
    Assumptions.assumeTrue(
        Files.isExecutable(Path.of(command[0])) || onPath(command[0]),
        command[0] + " is not installed");
    Path f = Files.createTempFile("ztpd-script", suffix);
    try {
      Files.writeString(f, text);
      List<String> cmd = new ArrayList<>(List.of(command));
      cmd.add(f.toString());
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
      assertThat(p.exitValue()).as(String.join(" ", cmd) + ": " + out).isZero();
    } finally {
      Files.deleteIfExists(f);
    }
  }

  /** Python source that compiles (python3 given), else the check is skipped. */
  public static void compilesAsPython(String text) throws Exception {
    check(
        text,
        ".py",
        "python3",
        "-c",
        "import ast, sys; ast.parse(open(sys.argv[1]).read(), sys.argv[1])");
  }

  /** Shell source that parses ({@code sh -n} / {@code bash -n}). */
  public static void parsesAsShell(String shell, String text) throws Exception {
    check(text, ".sh", shell, "-n");
  }

  private static boolean onPath(String tool) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))) return true;
    }
    return false;
  }
}
