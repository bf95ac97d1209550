package io.ztpd.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ColumnsTest {
  private final ObjectMapper json = new ObjectMapper();

  @Test
  void eventDataJsonIsReadBackAsWritten() throws Exception {
    Map<String, String> data = new LinkedHashMap<>();
    data.put("path", "/ztp/files/a \"quoted\" name\\with\\backslashes");
    data.put("detail", "line one\nline two\r\ttabbed \u0001\u001f end");
    data.put("unicode", "Zürich — 東京 😀");
    data.put("empty", "");
    data.put("key \"with\" quotes", "v");
    String text = Columns.stringMapJson(data);
    Map<String, String> back = json.readValue(text, new TypeReference<Map<String, String>>() {});
    assertThat(back).containsExactlyEntriesOf(data);
    assertThat(text).doesNotContain("\n").doesNotContain("\u0001");
  }

  @Test
  void emptyDataIsAnEmptyObject() {
    assertThat(Columns.stringMapJson(Map.of())).isEqualTo("{}");
  }
}
