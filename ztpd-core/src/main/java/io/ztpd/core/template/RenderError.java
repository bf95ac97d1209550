package io.ztpd.core.template;

/**
 * One reason a template did not render.
 *
 * @param template the template the problem is in (an included template names itself, not the
 *     includer)
 * @param line 1-based line in that template, 0 when unknown
 * @param variable the undefined variable (or expression) when that is the problem, else null
 * @param message what is wrong, for a human
 */
public record RenderError(String template, int line, String variable, String message) {

  /** {@code juniper.j2 line 12: undefined variable 'ntp_server'}. */
  @Override
  public String toString() {
    return template + (line > 0 ? " line " + line : "") + ": " + message;
  }
}
