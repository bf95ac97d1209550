package io.ztpd.app.cli;

/**
 * A command failed in a way the user can act on; {@code exitCode}: 1 refused, 2 usage, 3
 * unreachable.
 */
public class CliException extends RuntimeException {
  private final int exitCode;

  public CliException(int exitCode, String message) {
    super(message);
    this.exitCode = exitCode;
  }

  public int exitCode() {
    return exitCode;
  }
}
