package io.ztpd.core.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TemplateEngineTest {
  @TempDir Path dir;
  TemplateDirectory templates;
  TemplateEngine engine;

  @BeforeEach
  void setUp() {
    templates = new TemplateDirectory(dir, Duration.ZERO);
    engine = new TemplateEngine(templates);
  }

  private RenderResult render(String source, Map<String, ?> vars) {
    templates.write("t.j2", source);
    return engine.render("t.j2", vars);
  }

  private static String text(RenderResult r) {
    assertThat(r).isInstanceOf(RenderResult.Rendered.class);
    return ((RenderResult.Rendered) r).text();
  }

  private static List<RenderError> errors(RenderResult r) {
    assertThat(r).isInstanceOf(RenderResult.Failed.class);
    return ((RenderResult.Failed) r).errors();
  }

  @Test
  void rendersVariablesLoopsAndConditions() {
    String src =
        """
        hostname {{ hostname }}
        {% for s in ntp -%}
        ntp server {{ s }}
        {% endfor -%}
        {% if snmp is defined %}snmp {{ snmp.community }}{% else %}no snmp{% endif %}
        """;
    var r = render(src, Map.of("hostname", "sw1", "ntp", List.of("192.0.2.1", "192.0.2.2")));
    assertThat(text(r))
        .isEqualTo("hostname sw1\nntp server 192.0.2.1\nntp server 192.0.2.2\nno snmp\n");
  }

  @Test
  void undefinedVariableNamesTemplateLineAndVariable() {
    var errs =
        render(
            "line one\nhostname {{ hostname }}\nntp {{ ntp_server }}\n", Map.of("hostname", "x"));
    assertThat(errs(errs))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.template()).isEqualTo("t.j2");
              assertThat(e.line()).isEqualTo(3);
              assertThat(e.variable()).isEqualTo("ntp_server");
              assertThat(e.toString()).isEqualTo("t.j2 line 3: undefined variable 'ntp_server'");
            });
  }

  private static List<RenderError> errs(RenderResult r) {
    return errors(r);
  }

  @Test
  void undefinedInsideFiltersLoopsAndConditionsIsAnError() {
    assertThat(errors(render("{{ name | upper }}", Map.of())))
        .extracting(RenderError::variable)
        .containsExactly("name");
    assertThat(errors(render("a\n{% for i in vlans %}{{ i }}{% endfor %}", Map.of())))
        .extracting(RenderError::variable, RenderError::line)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("vlans", 2));
    assertThat(errors(render("{% if role %}x{% endif %}", Map.of())))
        .extracting(RenderError::variable)
        .containsExactly("role");
    // Jinjava alone would take the else branch silently here
    assertThat(errors(render("{% if role == 'spine' %}x{% else %}y{% endif %}", Map.of())))
        .extracting(RenderError::variable)
        .containsExactly("role");
    assertThat(errors(render("{{ 'vlan' ~ id }}", Map.of())))
        .extracting(RenderError::variable)
        .containsExactly("id");
    assertThat(errors(render("{% set x = missing %}", Map.of())))
        .extracting(RenderError::variable)
        .containsExactly("missing");
    assertThat(errors(render("{% for i in [1] %}\n\n{{ i }}{{ inner }}{% endfor %}", Map.of())))
        .extracting(RenderError::variable, RenderError::line)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("inner", 3));
    assertThat(errors(render("{{ m.missing }}", Map.of("m", Map.of("k", "v")))))
        .extracting(RenderError::variable)
        .containsExactly("m.missing");
  }

  @Test
  void guardsAgainstUndefinedStillWork() {
    assertThat(text(render("{% if x is defined %}yes{% else %}no{% endif %}", Map.of())))
        .isEqualTo("no");
    assertThat(text(render("{% if x is not defined %}absent{% endif %}", Map.of())))
        .isEqualTo("absent");
    assertThat(text(render("{% if x is undefined %}absent{% endif %}", Map.of())))
        .isEqualTo("absent");
    assertThat(text(render("{{ x | default('d') }}", Map.of()))).isEqualTo("d");
    assertThat(text(render("{{ x|d('d') }}", Map.of()))).isEqualTo("d");
    assertThat(text(render("{% if x is defined and x == 1 %}one{% endif %}", Map.of())))
        .isEqualTo("");
    assertThat(
            text(
                render(
                    "{% if a %}a{% elif x is defined %}x{% else %}none{% endif %}",
                    Map.of("a", false))))
        .isEqualTo("none");
    assertThat(text(render("{{ x if x is defined else 'n' }}", Map.of()))).isEqualTo("n");
    assertThat(text(render("{% for i in range(3) %}{{ loop.index }}{% endfor %}", Map.of())))
        .isEqualTo("123");
    assertThat(text(render("{% macro f(a) %}[{{ a }}]{% endmacro %}{{ f(1) }}", Map.of())))
        .isEqualTo("[1]");
    // a guard for one variable does not excuse another one
    assertThat(errors(render("{% if x is defined or y == 2 %}z{% endif %}", Map.of())))
        .extracting(RenderError::variable)
        .containsExactly("y");
    // a name that merely contains the guarded one is not guarded
    assertThat(errors(render("{{ xy }}{{ x | default('') }}", Map.of())))
        .extracting(RenderError::variable)
        .containsExactly("xy");
  }

  @Test
  void reportsEveryUndefinedVariableItCanSee() {
    var errs = errors(render("{% if a == 1 %}{% endif %}\n{% if b == 2 %}{% endif %}\n", Map.of()));
    assertThat(errs)
        .extracting(RenderError::variable, RenderError::line)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("a", 1),
            org.assertj.core.groups.Tuple.tuple("b", 2));
  }

  @Test
  void syntaxErrorsNameTemplateAndLine() {
    var missingEnd = errors(render("a\n{% if x %}\nb\n", Map.of("x", true)));
    assertThat(missingEnd)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.template()).isEqualTo("t.j2");
              assertThat(e.line()).isEqualTo(2);
              assertThat(e.message()).contains("syntax error").contains("endif");
            });
    assertThat(errors(render("a\n\n{{ a + }}\n", Map.of("a", 1))))
        .singleElement()
        .satisfies(e -> assertThat(e.line()).isEqualTo(3));
    assertThat(errors(render("a\n{% frobnicate %}\n", Map.of())))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.line()).isEqualTo(2);
              assertThat(e.message()).contains("frobnicate");
            });
    assertThat(errors(render("a\n{{ a }\n", Map.of("a", 1))))
        .singleElement()
        .satisfies(e -> assertThat(e.line()).isEqualTo(2));
    assertThat(engine.check("t.j2")).hasSize(1);
  }

  @Test
  void includesComeFromTheDirectoryAndNameThemselvesInErrors() {
    templates.write("common/ntp.j2", "ntp {{ ntp }}\n");
    templates.write("common/bad.j2", "first\nsecond {{ nope }}\n");
    assertThat(text(render("{% include 'common/ntp.j2' %}end", Map.of("ntp", "192.0.2.1"))))
        .isEqualTo("ntp 192.0.2.1\nend");
  }

  @Test
  void importMacrosFromAnotherTemplate() {
    templates.write("common/macros.j2", "{% macro iface(n) %}interface {{ n }}{% endmacro %}");
    assertThat(
            text(
                render(
                    "{% from 'common/macros.j2' import iface %}{{ iface('ge-0/0/0') }}", Map.of())))
        .isEqualTo("interface ge-0/0/0");
    assertThat(text(render("{% import 'common/macros.j2' as m %}{{ m.iface('et1') }}", Map.of())))
        .isEqualTo("interface et1");
  }

  @Test
  void errorInsideAnIncludeNamesTheIncludedTemplate() {
    templates.write("common/bad.j2", "first\nsecond {{ nope }}\n");
    var errs = errors(render("top\n{% include 'common/bad.j2' %}", Map.of()));
    assertThat(errs)
        .anySatisfy(
            e -> {
              assertThat(e.template()).isEqualTo("common/bad.j2");
              assertThat(e.line()).isEqualTo(2);
              assertThat(e.variable()).isEqualTo("nope");
            });
  }

  @Test
  void includeOutsideTheDirectoryIsRefused() throws Exception {
    Files.writeString(dir.getParent().resolve("secret.txt"), "TOPSECRET");
    for (String evil :
        List.of("../secret.txt", "/etc/passwd", "common/../../secret.txt", ".hidden", "a//b")) {
      var r = render("{% include '" + evil + "' %}", Map.of());
      assertThat(r).as(evil).isInstanceOf(RenderResult.Failed.class);
      assertThat(errors(r).toString()).doesNotContain("TOPSECRET");
    }
    var missing = errors(render("{% include 'nope.j2' %}", Map.of()));
    assertThat(missing.toString()).contains("nope.j2");
  }

  @Test
  void missingTemplateAndBadNameAreErrorsNotExceptions() {
    assertThat(errors(engine.render("absent.j2", Map.of())))
        .singleElement()
        .satisfies(e -> assertThat(e.message()).contains("no such template"));
    assertThat(errors(engine.render("../x", Map.of())))
        .singleElement()
        .satisfies(e -> assertThat(e.message()).contains("not a template name"));
  }

  @Test
  void renderSourcePreviewsUnsavedText() {
    assertThat(text(engine.renderSource("draft.j2", "hi {{ n }}", Map.of("n", 1))))
        .isEqualTo("hi 1");
    assertThat(errors(engine.renderSource("draft.j2", "hi {{ n }}", Map.of())))
        .singleElement()
        .satisfies(e -> assertThat(e.template()).isEqualTo("draft.j2"));
  }

  @Test
  void parsedTreeIsSharedSafelyByConcurrentRenders() throws Exception {
    templates.write(
        "c.j2", "{% for i in items %}{{ name }}-{{ i }};{% endfor %}{% if flag %}F{% endif %}");
    List<Thread> threads = new java.util.ArrayList<>();
    java.util.concurrent.ConcurrentLinkedQueue<String> problems =
        new java.util.concurrent.ConcurrentLinkedQueue<>();
    for (int t = 0; t < 8; t++) {
      int n = t;
      threads.add(
          Thread.ofPlatform()
              .start(
                  () -> {
                    for (int k = 0; k < 300; k++) {
                      var r =
                          engine.render(
                              "c.j2",
                              Map.of("items", List.of(n, k), "name", "d" + n, "flag", k % 2 == 0));
                      String want =
                          "d" + n + "-" + n + ";d" + n + "-" + k + ";" + (k % 2 == 0 ? "F" : "");
                      if (!(r instanceof RenderResult.Rendered ok) || !ok.text().equals(want))
                        problems.add(r.toString());
                    }
                  }));
    }
    for (Thread th : threads) th.join();
    assertThat(problems).isEmpty();
  }
}
