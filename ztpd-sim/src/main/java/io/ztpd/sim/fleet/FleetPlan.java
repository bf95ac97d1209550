package io.ztpd.sim.fleet;

import io.ztpd.sim.device.DeviceFaults;
import io.ztpd.sim.device.DeviceSpec;
import io.ztpd.sim.persona.Persona;
import io.ztpd.sim.persona.Personas;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A fleet from a seed: how many devices of each persona, each with a serial, a MAC and a model (the
 * same seed gives the same fleet, so an inventory written once matches the devices run later), and
 * the faults drawn for each.
 */
public final class FleetPlan {
  private static final String ALPHANUM = "0123456789ABCDEFGHJKLMNPQRSTUVWXYZ";

  private FleetPlan() {}

  /** {@code juniper=10,sonic=5} → counts per persona (unknown personas are errors). */
  public static Map<String, Integer> counts(String spec) {
    Map<String, Integer> out = new LinkedHashMap<>();
    for (String part : spec.split(",")) {
      if (part.isBlank()) continue;
      String[] kv = part.trim().split("=", 2);
      String id = known(kv[0].trim());
      int n;
      try {
        n = kv.length == 2 ? Integer.parseInt(kv[1].trim()) : 1;
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("'" + part.trim() + "': count is not a number");
      }
      if (n < 0) throw new IllegalArgumentException("'" + part.trim() + "': negative count");
      out.merge(id, n, Integer::sum);
    }
    if (out.isEmpty()) throw new IllegalArgumentException("empty fleet");
    return out;
  }

  /**
   * {@code count} devices spread over a mix {@code juniper:3,sonic:1} (weights; a bare id weighs 1;
   * {@code all} = every persona), by largest remainder so the counts add up exactly.
   */
  public static Map<String, Integer> mix(int count, String mix) {
    Map<String, Double> w = new LinkedHashMap<>();
    for (String part : (mix == null || mix.isBlank() ? "all" : mix).split(",")) {
      String[] kv = part.trim().split(":", 2);
      double weight = kv.length == 2 ? Double.parseDouble(kv[1].trim()) : 1;
      if (kv[0].trim().equals("all")) {
        for (String id : Personas.ids()) w.merge(id, weight, Double::sum);
      } else {
        w.merge(known(kv[0].trim()), weight, Double::sum);
      }
    }
    double total = w.values().stream().mapToDouble(Double::doubleValue).sum();
    Map<String, Integer> out = new LinkedHashMap<>();
    Map<String, Double> rest = new LinkedHashMap<>();
    int given = 0;
    for (var e : w.entrySet()) {
      double exact = count * e.getValue() / total;
      out.put(e.getKey(), (int) Math.floor(exact));
      rest.put(e.getKey(), exact - Math.floor(exact));
      given += (int) Math.floor(exact);
    }
    List<String> byRest = new ArrayList<>(rest.keySet());
    byRest.sort((a, b) -> Double.compare(rest.get(b), rest.get(a)));
    for (int i = 0; given < count; i++, given++)
      out.merge(byRest.get(i % byRest.size()), 1, Integer::sum);
    return out;
  }

  private static String known(String id) {
    if (Personas.byId(id).isEmpty()) {
      throw new IllegalArgumentException(
          "unknown persona '" + id + "' (known: " + String.join(", ", Personas.ids()) + ")");
    }
    return id;
  }

  /**
   * The devices of a fleet, interleaved across personas so a storm mixes vendors from the start.
   */
  public static List<FleetDevice> generate(
      Map<String, Integer> counts, long seed, FaultRates faults) {
    List<List<FleetDevice>> per = new ArrayList<>();
    List<String> ids = Personas.ids();
    int index = 0;
    for (var e : counts.entrySet()) {
      Persona p = Personas.byId(e.getKey()).orElseThrow();
      int ordinal = ids.indexOf(p.id());
      List<FleetDevice> list = new ArrayList<>();
      for (int i = 0; i < e.getValue(); i++) list.add(device(p, ordinal, i, index++, seed, faults));
      per.add(list);
    }
    List<FleetDevice> out = new ArrayList<>(index);
    for (int i = 0; out.size() < index; i++) {
      for (List<FleetDevice> l : per) if (i < l.size()) out.add(l.get(i));
    }
    return out;
  }

  private static FleetDevice device(
      Persona p, int ordinal, int i, int index, long seed, FaultRates rates) {
    SplittableRandom r = new SplittableRandom(seed * 7919 + ordinal * 1_000_003L + i);
    Persona.Hardware hw = p.hardware();
    String mac =
        String.format(
            "02:%02x:%02x:%02x:%02x:%02x",
            seed & 0xff, ordinal, (i >>> 16) & 0xff, (i >>> 8) & 0xff, i & 0xff);
    String id = p.id() + "-" + String.format("%05d", i + 1);
    DeviceSpec spec =
        new DeviceSpec(
            id,
            p.id(),
            hw.serialPrefix() + serialTail(r, hw.serialDigits(), i),
            mac,
            hw.models().get(r.nextInt(hw.models().size())),
            hw.version(),
            index);
    boolean sums = p.fileFaults();
    DeviceFaults f =
        new DeviceFaults(
            sums && r.nextDouble() < rates.checksum(),
            sums && r.nextDouble() < rates.corrupt(),
            r.nextDouble() < rates.timeout() ? 1 : 0,
            rates.loss(),
            r.nextDouble() < rates.wrongSerial(),
            r.nextDouble() < rates.badCredentials(),
            r.nextDouble() < rates.pushFail(),
            r.nextDouble() < rates.unreachable());
    return new FleetDevice(spec, f);
  }

  /** Random characters then the index in base 34: unique within a persona by construction. */
  private static String serialTail(SplittableRandom r, int digits, int i) {
    String idx = Integer.toString(i, 34).toUpperCase(Locale.ROOT);
    StringBuilder sb = new StringBuilder();
    int random = Math.max(0, digits - Math.max(5, idx.length()));
    for (int k = 0; k < random; k++) sb.append(ALPHANUM.charAt(r.nextInt(ALPHANUM.length())));
    String tail = "0".repeat(Math.max(0, digits - random - idx.length())) + toAlnum(idx);
    return sb + tail;
  }

  private static String toAlnum(String base34) {
    StringBuilder sb = new StringBuilder();
    for (char c : base34.toCharArray()) sb.append(ALPHANUM.charAt(Character.digit(c, 34)));
    return sb.toString();
  }

  /**
   * The fleet as an inventory CSV ztpd imports: {@code id,hostname,serial,mac,vendor,model,site}.
   */
  public static String inventoryCsv(List<FleetDevice> fleet, String site) {
    StringBuilder sb = new StringBuilder("id,hostname,serial,mac,vendor,model,site\n");
    for (FleetDevice d : fleet) {
      DeviceSpec s = d.spec();
      Persona p = Personas.byId(s.persona()).orElseThrow();
      sb.append(String.join(",", s.id(), s.id(), s.serial(), s.mac(), p.vendor(), s.model(), site))
          .append('\n');
    }
    return sb.toString();
  }
}
