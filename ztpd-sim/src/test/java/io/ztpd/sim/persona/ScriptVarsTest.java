package io.ztpd.sim.persona;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ScriptVarsTest {
  @Test
  void readsPythonAndShellSettings() {
    String py =
        """
        DEVICE = "leaf-1"
        CONFIG_URL = "http://127.0.0.1:8080/ztp/config/leaf-1"
        REPORT_URL = "http://127.0.0.1:8080/ztp/report"
        IMAGE = {"name": "a.bin", "url": "http://x/ztp/images/a.bin", "md5": "abc", "sha256": None, "version": "17.1"}
        NOTHING = None
        WHO = {}
        """;
    Map<String, String> v = ScriptVars.of(py);
    assertThat(v).containsEntry("DEVICE", "leaf-1").doesNotContainKey("NOTHING");
    assertThat(ScriptVars.dict(v.get("IMAGE")))
        .containsEntry("url", "http://x/ztp/images/a.bin")
        .containsEntry("version", "17.1")
        .doesNotContainKey("sha256");
    String sh =
        "ZTPD_DEVICE='it'\\''s'\nZTPD_CONFIG_URL='http://h/ztp/config/x'\nZTPD_IMAGE_URL=''\n";
    Map<String, String> s = ScriptVars.of(sh);
    assertThat(s)
        .containsEntry("DEVICE", "it's")
        .containsEntry("CONFIG_URL", "http://h/ztp/config/x")
        .doesNotContainKey("IMAGE_URL");
  }

  @Test
  void pythonEscapesAreUndone() {
    assertThat(ScriptVars.unquote("\"a\\\"b\\\\c\\u00e9\"")).isEqualTo("a\"b\\cé");
  }

  @Test
  void aForeignScriptIsReadByItsUrls() {
    String s = "curl http://10.0.0.1/cfg/leaf.conf; curl -d x http://10.0.0.1/ztp/report.";
    assertThat(ScriptRunner.reportUrl(s).toString()).isEqualTo("http://10.0.0.1/ztp/report");
    assertThat(ScriptRunner.configUrl(s).toString()).isEqualTo("http://10.0.0.1/cfg/leaf.conf");
  }
}
