package io.ztpd.core.util;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class JsonTextTest {
  @Test
  void escapesQuotesBackslashesAndControlCharacters() {
    assertThat(JsonText.quote("a\"b\\c\nd\re\tf\u0001g"))
        .isEqualTo("\"a\\\"b\\\\c\\nd\\re\\tf\\u0001g\"");
  }

  @Test
  void readsBackAsTheSameStringThroughAJsonParser() throws Exception {
    String s = "md5 \"x\" \\ mismatch\n\tline\u0001 é ✓";
    assertThat(new ObjectMapper().readValue(JsonText.quote(s), String.class)).isEqualTo(s);
  }
}
