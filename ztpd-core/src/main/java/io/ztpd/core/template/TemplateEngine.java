package io.ztpd.core.template;

import com.hubspot.jinjava.Jinjava;
import com.hubspot.jinjava.JinjavaConfig;
import com.hubspot.jinjava.interpret.Context;
import com.hubspot.jinjava.interpret.InterpretException;
import com.hubspot.jinjava.interpret.InterpreterFactory;
import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.interpret.TemplateError;
import com.hubspot.jinjava.interpret.UnknownTokenException;
import com.hubspot.jinjava.loader.ResourceNotFoundException;
import com.hubspot.jinjava.tree.Node;
import com.hubspot.jinjava.tree.TreeParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Renders templates from a {@link TemplateDirectory} with Jinjava, strictly: an undefined variable,
 * a syntax error or a failing include is a {@link RenderResult.Failed} naming template, line and
 * variable, never silently empty output.
 *
 * <p>Each template is parsed once per version of its text and the parsed tree is reused by every
 * render (concurrently: Jinjava keeps render state in the interpreter, not in the tree). Included
 * and imported templates ({@code {% include 'common/ntp.j2' %}}) come from the same directory, by
 * the same names; Jinjava parses them on each use.
 *
 * <p>Thread-safe; one instance serves the whole server.
 */
public final class TemplateEngine {
  private final TemplateDirectory directory;
  private final JinjavaConfig config;
  private final Jinjava jinjava;
  private final ConcurrentHashMap<String, Compiled> compiled = new ConcurrentHashMap<>();

  /** A parsed template: its tree and the syntax errors found while parsing. */
  private record Compiled(long version, Node root, List<RenderError> syntaxErrors) {}

  @SuppressWarnings("deprecation") // the node pre-processor is the only per-node hook Jinjava has
  public TemplateEngine(TemplateDirectory directory) {
    this.directory = directory;
    this.config =
        JinjavaConfig.newBuilder()
            .withFailOnUnknownTokens(true)
            // no trim_blocks / lstrip_blocks: with either, Jinjava's parser loses count of lines
            // and every error would name the wrong line; templates use {%- -%} instead
            .withKeepTrailingNewline(true)
            .withMaxOutputSize(16L << 20)
            .withInterperterFactory(new StrictFactory())
            .withNodePreProcessor(
                (node, interpreter) -> {
                  if (interpreter instanceof StrictInterpreter strict) strict.enter(node);
                })
            .build();
    this.jinjava = new Jinjava(config);
    jinjava.setResourceLocator((name, charset, interpreter) -> includeSource(name));
  }

  public TemplateDirectory directory() {
    return directory;
  }

  /**
   * Renders the named template with these variables.
   *
   * @param templateName a name from {@link TemplateDirectory#list()}
   * @param vars the variables, usually from {@link VariableLayers#forDevice}
   */
  public RenderResult render(String templateName, Map<String, ?> vars) {
    Optional<TemplateDirectory.Source> source;
    try {
      source = directory.load(templateName);
    } catch (IllegalArgumentException e) {
      return failed(templateName, e.getMessage());
    } catch (RuntimeException e) {
      return failed(templateName, "cannot read template: " + e.getMessage());
    }
    if (source.isEmpty()) return failed(templateName, "no such template");
    TemplateDirectory.Source s = source.get();
    Compiled c = compiled.get(templateName);
    if (c == null || c.version != s.version()) {
      c = compile(templateName, s.text(), s.version());
      compiled.put(templateName, c);
    }
    return run(templateName, c, vars);
  }

  /** Renders text that is not (yet) saved, as if it were the named template: the editor preview. */
  public RenderResult renderSource(String templateName, String text, Map<String, ?> vars) {
    return run(templateName, compile(templateName, text, -1), vars);
  }

  /**
   * The syntax errors of the named template; empty when it parses (or a missing-template error).
   */
  public List<RenderError> check(String templateName) {
    try {
      Optional<TemplateDirectory.Source> source = directory.load(templateName);
      if (source.isEmpty())
        return List.of(new RenderError(templateName, 0, null, "no such template"));
      return compile(templateName, source.get().text(), -1).syntaxErrors();
    } catch (RuntimeException e) {
      return List.of(new RenderError(templateName, 0, null, e.getMessage()));
    }
  }

  private Compiled compile(String name, String text, long version) {
    StrictInterpreter parser = interpreter(Map.of(), name);
    Node root = new TreeParser(parser, text).buildTree();
    List<RenderError> errors = new ArrayList<>();
    for (TemplateError e : parser.getErrors()) {
      // an unclosed "{{" is only a warning to Jinjava; for a device config it is a mistake
      if (e.getSeverity() == TemplateError.ErrorType.FATAL
          || e.getReason() == TemplateError.ErrorReason.SYNTAX_ERROR) {
        errors.add(new RenderError(name, e.getLineno(), null, "syntax error: " + e.getMessage()));
      }
    }
    return new Compiled(version, root, List.copyOf(errors));
  }

  private RenderResult run(String name, Compiled c, Map<String, ?> vars) {
    if (!c.syntaxErrors.isEmpty()) return new RenderResult.Failed(name, c.syntaxErrors);
    StrictInterpreter interpreter = interpreter(vars, name);
    interpreter.getContext().getCurrentPathStack().push(name, 0, 0);
    List<RenderError> errors = new ArrayList<>();
    String output = null;
    JinjavaInterpreter.pushCurrent(interpreter);
    try {
      output = interpreter.render(c.root);
    } catch (UnknownTokenException e) {
      errors.add(
          unknownToken(
              interpreter.currentTemplate(),
              interpreter.currentLine(e.getLineNumber()),
              e.getToken()));
    } catch (InterpretException e) {
      errors.add(
          new RenderError(
              interpreter.currentTemplate(),
              interpreter.currentLine(e.getLineNumber()),
              null,
              e.getMessage()));
    } catch (RuntimeException e) {
      errors.add(
          new RenderError(
              interpreter.currentTemplate(),
              interpreter.currentLine(interpreter.getLineNumber()),
              null,
              String.valueOf(e.getMessage())));
    } finally {
      JinjavaInterpreter.popCurrent();
    }
    List<RenderError> all = new ArrayList<>(interpreter.problems());
    all.addAll(errors);
    List<RenderError> distinct = dropRepeats(all);
    if (!distinct.isEmpty() || output == null) {
      return distinct.isEmpty()
          ? failed(name, "rendering failed")
          : new RenderResult.Failed(name, distinct);
    }
    return new RenderResult.Rendered(name, output);
  }

  /**
   * Jinjava's token is the whole expression ({@code x | upper}); the variable is before the
   * filters.
   */
  static RenderError unknownToken(String template, int line, String token) {
    String expression = token.trim();
    int pipe = expression.indexOf('|');
    String variable = (pipe < 0 ? expression : expression.substring(0, pipe)).trim();
    return new RenderError(template, line, variable, "undefined variable '" + variable + "'");
  }

  /** Jinjava prefixes some messages with "Error in `t.j2` on line 3: ", which we say anyway. */
  static String clean(String message) {
    return message == null ? "error" : JINJAVA_PREFIX.matcher(message).replaceFirst("");
  }

  private static final Pattern JINJAVA_PREFIX = Pattern.compile("^Error in `[^`]*` on line \\d+: ");

  /** One error per template, line and variable: the strict lookup and Jinjava may both see one. */
  private static List<RenderError> dropRepeats(List<RenderError> errors) {
    List<RenderError> out = new ArrayList<>();
    for (RenderError e : errors) {
      boolean seen =
          out.stream()
              .anyMatch(
                  o ->
                      o.template().equals(e.template())
                          && o.line() == e.line()
                          && (o.variable() == null
                              ? o.message().equals(e.message())
                              : o.variable().equals(e.variable())));
      if (!seen) out.add(e);
    }
    return out;
  }

  private StrictInterpreter interpreter(Map<String, ?> vars, String name) {
    return new StrictInterpreter(
        jinjava, new Context(jinjava.getGlobalContext(), vars), config, name);
  }

  private String includeSource(String name) throws ResourceNotFoundException {
    if (!TemplateDirectory.isValidName(name)) {
      throw new ResourceNotFoundException(
          "template name outside the template directory: '" + name + "'");
    }
    try {
      return directory
          .load(name)
          .orElseThrow(() -> new ResourceNotFoundException("no such template: '" + name + "'"))
          .text();
    } catch (IllegalArgumentException e) {
      throw new ResourceNotFoundException(e.getMessage());
    }
  }

  private static RenderResult failed(String name, String message) {
    return new RenderResult.Failed(name, List.of(new RenderError(name, 0, null, message)));
  }

  /** Makes Jinjava's interpreters (including the ones it creates itself) strict ones. */
  private static final class StrictFactory implements InterpreterFactory {
    @Override
    public JinjavaInterpreter newInstance(JinjavaInterpreter parent) {
      return new StrictInterpreter(parent);
    }

    @Override
    public JinjavaInterpreter newInstance(Jinjava jinjava, Context context, JinjavaConfig config) {
      return new StrictInterpreter(jinjava, context, config, "?");
    }
  }
}
