package io.ztpd.sim.persona;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Every persona by id. */
public final class Personas {
  private static final Map<String, Persona> ALL = new LinkedHashMap<>();

  static {
    for (Persona p :
        List.of(
            new JuniperPersona(),
            new IosXeAutoInstallPersona(),
            new IosXePythonPersona(),
            new NxosPoapPersona(),
            new PnpPersona(),
            new HuaweiPersona(),
            new AristaPersona(),
            new SonicPersona(),
            new CumulusPersona(),
            new ArubaCxPersona())) {
      ALL.put(p.id(), p);
    }
  }

  private Personas() {}

  public static Optional<Persona> byId(String id) {
    return Optional.ofNullable(ALL.get(id));
  }

  public static List<Persona> all() {
    return List.copyOf(ALL.values());
  }

  public static List<String> ids() {
    return List.copyOf(ALL.keySet());
  }
}
