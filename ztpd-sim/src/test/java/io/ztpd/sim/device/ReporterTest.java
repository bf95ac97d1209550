package io.ztpd.sim.device;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ReporterTest {
  @Test
  void reportsAreJsonWhateverTheMessageHolds() throws Exception {
    StringBuilder b = new StringBuilder("{");
    Reporter.field(b, "status", "failed");
    Reporter.field(b, "message", "md5 \"x\" \\ mismatch\n\tline\u0001");
    b.setCharAt(b.length() - 1, '}');
    var tree = new ObjectMapper().readTree(b.toString());
    assertThat(tree.path("message").asText()).isEqualTo("md5 \"x\" \\ mismatch\n\tline\u0001");
  }

  @Test
  void theSequenceNumberZtpdAnswers() {
    assertThat(
            Reporter.seqOf(
                "{\"device\":\"d\",\"seq\": 42,\"kind\":\"X\"}".getBytes(StandardCharsets.UTF_8)))
        .isEqualTo(42);
    assertThat(Reporter.seqOf("accepted".getBytes(StandardCharsets.UTF_8))).isEqualTo(-1);
  }
}
