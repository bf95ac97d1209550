package io.ztpd.app.cli;

import io.ztpd.web.auth.PasswordHashes;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code ztpd hash-password}: a bcrypt hash for {@code users[].password_hash} in ztpd.yaml. The
 * password is read without echo from the terminal, else as the first line of standard input.
 */
@Command(
    name = "hash-password",
    description = "Print a bcrypt hash of a password for users[].password_hash in ztpd.yaml.")
public final class HashPasswordCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    String password;
    Console console = System.console();
    if (console != null) {
      char[] a = console.readPassword("Password: ");
      char[] b = console.readPassword("Again: ");
      if (a == null || b == null || !new String(a).equals(new String(b))) {
        throw new CliException(2, "the passwords differ");
      }
      password = new String(a);
    } else {
      password =
          new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
    }
    if (password == null || password.length() < 8) {
      throw new CliException(2, "a password needs at least 8 characters");
    }
    spec.commandLine().getOut().println(PasswordHashes.bcrypt(password));
    return 0;
  }
}
