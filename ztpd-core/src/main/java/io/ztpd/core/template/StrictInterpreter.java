package io.ztpd.core.template;

import com.hubspot.jinjava.Jinjava;
import com.hubspot.jinjava.JinjavaConfig;
import com.hubspot.jinjava.interpret.Context;
import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.interpret.TemplateError;
import com.hubspot.jinjava.interpret.UnknownTokenException;
import com.hubspot.jinjava.tree.Node;
import com.hubspot.jinjava.tree.TagNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A Jinjava interpreter that notices every undefined variable, like Jinja2's StrictUndefined.
 *
 * <p>Jinjava's own {@code failOnUnknownTokens} only fails when a whole expression comes out null,
 * so {@code {% if role == 'spine' %}} with {@code role} undefined silently takes the else branch.
 * Here every top-level variable lookup that finds nothing is recorded as an error, unless the node
 * being rendered guards that name: {@code x is defined}, {@code x is not defined}, {@code x is
 * undefined}, {@code x | default(...)} or {@code x | d(...)} (an {@code if} node's {@code elif}
 * conditions count as part of it). The guard check runs only on the rare undefined path, so the
 * normal render path pays nothing but one field write per node.
 */
final class StrictInterpreter extends JinjavaInterpreter {
  private final String rootTemplate;
  private final List<RenderError> problems;
  private Node currentNode;

  StrictInterpreter(Jinjava jinjava, Context context, JinjavaConfig config, String rootTemplate) {
    super(jinjava, context, config);
    this.rootTemplate = rootTemplate;
    this.problems = new ArrayList<>();
  }

  /** A child interpreter (Jinjava makes them for imports): it reports into the parent's list. */
  StrictInterpreter(JinjavaInterpreter parent) {
    super(parent);
    if (parent instanceof StrictInterpreter strict) {
      this.rootTemplate = strict.rootTemplate;
      this.problems = strict.problems;
    } else {
      this.rootTemplate = "?";
      this.problems = new ArrayList<>();
    }
  }

  /** Called by the node pre-processor before each node renders. */
  void enter(Node node) {
    currentNode = node;
  }

  /** Undefined variables and fatal errors, in the order met (shared with child interpreters). */
  List<RenderError> problems() {
    return problems;
  }

  /**
   * The line of the node being rendered: Jinjava's own line counter lags behind inside blocks, the
   * node's line does not.
   */
  int currentLine(int fallback) {
    Node node = currentNode;
    return node != null && node.getLineNumber() > 0 ? node.getLineNumber() : Math.max(fallback, 0);
  }

  /** The template being rendered now: an included one names itself. */
  String currentTemplate() {
    return getContext().getCurrentPathStack().peek().orElse(rootTemplate);
  }

  /**
   * Jinjava leaves some errors (an unparsable expression) without a usable line by the time it
   * reports them; at the moment one is added we still know which node it came from, so fatal errors
   * are recorded here, with that line.
   */
  @Override
  public void addError(TemplateError error) {
    super.addError(error);
    if (error == null || error.getSeverity() != TemplateError.ErrorType.FATAL) return;
    int line = error.getLineno() > 0 ? error.getLineno() : currentLine(0);
    String template = error.getSourceTemplate().orElse(currentTemplate());
    RenderError problem =
        error.getException() instanceof UnknownTokenException unknown
            ? TemplateEngine.unknownToken(template, line, unknown.getToken())
            : new RenderError(template, line, null, TemplateEngine.clean(error.getMessage()));
    if (!problems.contains(problem)) problems.add(problem);
  }

  @Override
  public Object retraceVariable(String variable, int lineNumber, int startPosition) {
    Object value = super.retraceVariable(variable, lineNumber, startPosition);
    if (value == null && !guarded(variable)) {
      RenderError error =
          new RenderError(
              currentTemplate(),
              currentLine(lineNumber),
              variable,
              "undefined variable '" + variable + "'");
      if (!problems.contains(error)) problems.add(error);
    }
    return value;
  }

  private boolean guarded(String variable) {
    Node node = currentNode;
    if (node == null) return false;
    String q = Pattern.quote(variable);
    Pattern guard =
        Pattern.compile(
            "(?<![\\w.])"
                + q
                + "(\\s+is\\s+(not\\s+)?(defined|undefined)\\b|\\s*\\|\\s*(default|d)\\b)");
    return guard.matcher(guardText(node)).find();
  }

  private static String guardText(Node node) {
    if (!(node instanceof TagNode tag)) return node.getMaster().getImage();
    StringBuilder text = new StringBuilder(tag.getHelpers());
    if ("if".equals(tag.getName())) {
      for (Node child : tag.getChildren()) {
        if (child instanceof TagNode elif && elif.getName().startsWith("el")) {
          text.append(' ').append(elif.getHelpers());
        }
      }
    }
    return text.toString();
  }
}
