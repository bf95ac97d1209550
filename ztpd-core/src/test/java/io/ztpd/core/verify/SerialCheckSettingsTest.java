package io.ztpd.core.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SerialCheckSettingsTest {
  @Test
  void backoffDoublesUpToItsCeiling() {
    var s =
        new SerialCheckSettings(
            true,
            Duration.ZERO,
            8,
            Duration.ofSeconds(10),
            Duration.ofSeconds(60),
            Duration.ofSeconds(30));
    assertThat(s.backoffAfter(1)).isEqualTo(Duration.ofSeconds(10));
    assertThat(s.backoffAfter(2)).isEqualTo(Duration.ofSeconds(20));
    assertThat(s.backoffAfter(3)).isEqualTo(Duration.ofSeconds(40));
    assertThat(s.backoffAfter(4)).isEqualTo(Duration.ofSeconds(60));
    assertThat(s.backoffAfter(30)).isEqualTo(Duration.ofSeconds(60));
  }

  @Test
  void atLeastOneAttempt() {
    assertThatThrownBy(
            () ->
                new SerialCheckSettings(
                    true, Duration.ZERO, 0, Duration.ZERO, Duration.ZERO, Duration.ZERO))
        .hasMessageContaining("attempts");
  }
}
