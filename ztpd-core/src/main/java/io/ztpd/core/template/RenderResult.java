package io.ztpd.core.template;

import java.util.List;

/** The outcome of rendering a template: the text, or every error found. Never partial output. */
public sealed interface RenderResult {

  /** The name of the template that was asked for. */
  String template();

  /** The template rendered without an error. */
  record Rendered(String template, String text) implements RenderResult {}

  /** The template did not render; {@code errors} is never empty. */
  record Failed(String template, List<RenderError> errors) implements RenderResult {
    public Failed {
      errors = List.copyOf(errors);
      if (errors.isEmpty()) throw new IllegalArgumentException("a failure needs an error");
    }

    /** All errors, one per line, for logs and CLI output. */
    public String describe() {
      StringBuilder sb = new StringBuilder();
      for (RenderError e : errors) {
        if (!sb.isEmpty()) sb.append('\n');
        sb.append(e);
      }
      return sb.toString();
    }
  }
}
