package io.ztpd.vendors.cisco.pnp;

import java.nio.charset.StandardCharsets;

/**
 * The XML ztpd answers a PnP agent with: a work item in reply to a work request ({@code
 * device-info}, {@code image-install}, {@code config-upgrade}, {@code backoff}), and {@code bye} in
 * reply to a work response. Every answer echoes the device's UDI and the agent's correlator. Output
 * is byte-for-byte stable (two-space indent, LF, UTF-8), so tests and simulators can compare exact
 * bytes.
 */
public final class PnpWork {
  private PnpWork() {}

  /** Asks for everything the agent knows: image, hardware, file systems, UDI. */
  public static byte[] deviceInfo(String udi, String correlator) {
    return request(udi, "device-info", correlator, "    <deviceInfo type=\"all\"/>\n");
  }

  /**
   * Copies a configuration from {@code location} into {@code applyTo} ({@code running} applies at
   * once; {@code startup} takes effect by the reload that follows).
   */
  public static byte[] configUpgrade(
      String udi, String correlator, String location, String applyTo) {
    boolean startup = applyTo.equals("startup");
    String body =
        "    <config details=\"all\">\n"
            + "      <copy>\n"
            + "        <source>\n"
            + "          <location>"
            + esc(location)
            + "</location>\n"
            + "        </source>\n"
            + "        <applyTo>"
            + esc(applyTo)
            + "</applyTo>\n"
            + "      </copy>\n"
            + "    </config>\n"
            + (startup ? reload("ztpd config-upgrade") : "    <noReload/>\n")
            + "    <abortOnSyntaxFault/>\n";
    return request(udi, "config-upgrade", correlator, body);
  }

  /**
   * Copies an image to {@code destination} (e.g. {@code flash:cat9k.bin}), checks its MD5, reloads.
   */
  public static byte[] imageInstall(
      String udi, String correlator, String location, String md5, String destination) {
    String body =
        "    <image>\n"
            + "      <copy>\n"
            + "        <source>\n"
            + "          <location>"
            + esc(location)
            + "</location>\n"
            + "          <checksum>"
            + esc(md5)
            + "</checksum>\n"
            + "        </source>\n"
            + "        <destination>\n"
            + "          <location>"
            + esc(destination)
            + "</location>\n"
            + "        </destination>\n"
            + "      </copy>\n"
            + "    </image>\n"
            + reload("ztpd image-install");
    return request(udi, "image-install", correlator, body);
  }

  /** Nothing to do yet: call back after {@code seconds}. */
  public static byte[] backoff(String udi, String correlator, String reason, int seconds) {
    String body =
        "    <backoff>\n"
            + "      <reason>"
            + esc(reason)
            + "</reason>\n"
            + "      <callbackAfter>\n"
            + "        <seconds>"
            + seconds
            + "</seconds>\n"
            + "      </callbackAfter>\n"
            + "    </backoff>\n";
    return request(udi, "backoff", correlator, body);
  }

  /** Nothing more to do ever: the agent stops its PnP session. */
  public static byte[] backoffTerminate(String udi, String correlator, String reason) {
    String body =
        "    <backoff>\n"
            + "      <reason>"
            + esc(reason)
            + "</reason>\n"
            + "      <terminate/>\n"
            + "    </backoff>\n";
    return request(udi, "backoff", correlator, body);
  }

  /** Acknowledges a work response and ends this exchange. */
  public static byte[] bye(String udi, String correlator) {
    return envelope(
        udi,
        "  <info xmlns=\"urn:cisco:pnp:work-info\" correlator=\""
            + esc(correlator)
            + "\">\n"
            + "    <workInfo>\n"
            + "      <bye/>\n"
            + "    </workInfo>\n"
            + "  </info>\n");
  }

  private static String reload(String reason) {
    return "    <reload>\n"
        + "      <reason>"
        + esc(reason)
        + "</reason>\n"
        + "      <delayIn>0</delayIn>\n"
        + "      <user>ztpd</user>\n"
        + "      <saveConfig>false</saveConfig>\n"
        + "    </reload>\n";
  }

  private static byte[] request(String udi, String service, String correlator, String body) {
    return envelope(
        udi,
        "  <request xmlns=\"urn:cisco:pnp:"
            + service
            + "\" correlator=\""
            + esc(correlator)
            + "\">\n"
            + body
            + "  </request>\n");
  }

  private static byte[] envelope(String udi, String inner) {
    String xml =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<pnp xmlns=\"urn:cisco:pnp\" version=\"1.0\" udi=\""
            + esc(udi)
            + "\">\n"
            + inner
            + "</pnp>\n";
    return xml.getBytes(StandardCharsets.UTF_8);
  }

  /** Escapes text and attribute values alike. */
  static String esc(String s) {
    StringBuilder b = new StringBuilder(s.length() + 8);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&apos;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }
}
