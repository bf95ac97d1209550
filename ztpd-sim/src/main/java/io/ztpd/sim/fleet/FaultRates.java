package io.ztpd.sim.fleet;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Share of devices that get each fault ({@code checksum} ... {@code unreachable}: 0..1), and the
 * datagram loss rate of a lossy device's link.
 */
public record FaultRates(
    double checksum,
    double corrupt,
    double timeout,
    double loss,
    double wrongSerial,
    double badCredentials,
    double pushFail,
    double unreachable) {

  public static final FaultRates NONE = new FaultRates(0, 0, 0, 0, 0, 0, 0, 0);

  /** Names accepted by {@link #parse}, with what they do. */
  public static final Map<String, String> NAMES =
      Map.of(
          "checksum",
              "a checksummed file arrives corrupted, or a file is rejected by the device, once (the"
                  + " device retries)",
          "corrupt",
              "every checksummed file arrives corrupted, or is rejected by the device (the device"
                  + " gives up)",
          "timeout", "the first transfer stalls and times out (retried)",
          "loss", "rate of datagrams lost (DHCP, TFTP) on every device's link",
          "wrong-serial", "the device's SSH server reports another serial",
          "bad-credentials", "the device's SSH server refuses the delivered account",
          "push-fail", "the device's SSH server fails a push half-way",
          "unreachable", "no SSH server on the device");

  /** {@code checksum=0.05,loss=0.01,...}; unknown names and rates outside 0..1 are errors. */
  public static FaultRates parse(String text) {
    Map<String, Double> r = new LinkedHashMap<>();
    if (text != null && !text.isBlank()) {
      for (String part : text.split(",")) {
        String[] kv = part.trim().split("=", 2);
        String name = kv[0].trim().toLowerCase(Locale.ROOT);
        if (!NAMES.containsKey(name)) {
          throw new IllegalArgumentException(
              "unknown fault '" + name + "' (known: " + String.join(", ", NAMES.keySet()) + ")");
        }
        if (kv.length != 2) throw new IllegalArgumentException("fault '" + name + "' needs =rate");
        double v;
        try {
          v = Double.parseDouble(kv[1].trim());
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException(
              "fault '" + name + "': '" + kv[1] + "' is not a number");
        }
        if (v < 0 || v > 1 || (name.equals("loss") && v >= 1)) {
          throw new IllegalArgumentException("fault '" + name + "': rate " + v + " is not in 0..1");
        }
        r.put(name, v);
      }
    }
    return new FaultRates(
        r.getOrDefault("checksum", 0.0),
        r.getOrDefault("corrupt", 0.0),
        r.getOrDefault("timeout", 0.0),
        r.getOrDefault("loss", 0.0),
        r.getOrDefault("wrong-serial", 0.0),
        r.getOrDefault("bad-credentials", 0.0),
        r.getOrDefault("push-fail", 0.0),
        r.getOrDefault("unreachable", 0.0));
  }
}
