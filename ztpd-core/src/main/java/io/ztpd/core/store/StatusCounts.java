package io.ztpd.core.store;

import io.ztpd.core.lifecycle.ConfMin;
import io.ztpd.core.lifecycle.FinalState;
import io.ztpd.core.lifecycle.Phase;
import io.ztpd.core.lifecycle.SerialState;
import java.util.Map;

/**
 * How many devices are in each value of each board column (values with no device are present with
 * 0).
 */
public record StatusCounts(
    long total,
    Map<Phase, Long> phase,
    Map<ConfMin, Long> confMin,
    Map<SerialState, Long> serial,
    Map<FinalState, Long> fin) {
  public StatusCounts {
    phase = Map.copyOf(phase);
    confMin = Map.copyOf(confMin);
    serial = Map.copyOf(serial);
    fin = Map.copyOf(fin);
  }
}
