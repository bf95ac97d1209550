package io.ztpd.app.config;

import java.util.List;

/** The configuration is unusable; each problem names file, line and key. */
public class ConfigException extends RuntimeException {
  private final List<String> problems;

  public ConfigException(List<String> problems) {
    super(String.join("\n", problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}
