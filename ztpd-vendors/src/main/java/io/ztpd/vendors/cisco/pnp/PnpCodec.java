package io.ztpd.vendors.cisco.pnp;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the XML a PnP agent posts. Every refusal names what is wrong, so a 400 tells the operator
 * (and the agent's log) exactly why.
 *
 * <pre>{@code
 * <pnp xmlns="urn:cisco:pnp" version="1.0" udi="PID:C9300-24P,VID:V01,SN:FCW2212L0AB">
 *   <info xmlns="urn:cisco:pnp:work-info" correlator="CiscoPnP-1.0-1-AB12">...</info>        WORK-REQUEST
 *   <response xmlns="urn:cisco:pnp:config-upgrade" correlator="..." success="1"/>           WORK-RESPONSE
 * </pnp>
 * }</pre>
 */
public final class PnpCodec {
  static final String NS = "urn:cisco:pnp";
  static final String NS_PREFIX = "urn:cisco:pnp:";

  private PnpCodec() {}

  /** A PnP message that cannot be used; the message says why. */
  public static final class MalformedPnp extends Exception {
    public MalformedPnp(String message) {
      super(message);
    }
  }

  public static PnpMessage.WorkRequest workRequest(byte[] body) throws MalformedPnp {
    XmlElement root = root(body);
    XmlElement info =
        root.child("info")
            .orElseThrow(() -> new MalformedPnp("work-request has no <info> element"));
    String correlator = required(info.attribute("correlator"), "<info> has no correlator");
    String udiText = udiText(root, info.text("deviceId", "udi"));
    return new PnpMessage.WorkRequest(udiText, udi(udiText), correlator);
  }

  /** A work response, or a fault. */
  public static PnpMessage workResponse(byte[] body) throws MalformedPnp {
    XmlElement root = root(body);
    XmlElement r =
        root.child("response")
            .orElseThrow(() -> new MalformedPnp("work-response has no <response> element"));
    String service = service(r);
    if (service.equals("fault")) {
      String udiText = udiText(root, null);
      XmlElement fault = r.child("fault").orElse(r);
      return new PnpMessage.Fault(
          udiText,
          udi(udiText),
          fault.text("faultcode"),
          fault.text("faultstring"),
          faultDetail(fault));
    }
    String udiText = udiText(root, r.text("udi", "primary-chassis"));
    String correlator = required(r.attribute("correlator"), "<response> has no correlator");
    String success = required(r.attribute("success"), "<response> has no success attribute");
    if (!success.equals("1") && !success.equals("0")) {
      throw new MalformedPnp("<response> success must be 1 or 0, not '" + success + "'");
    }
    boolean ok = success.equals("1");
    DeviceInfo info = ok && service.equals("device-info") ? deviceInfo(r) : null;
    return new PnpMessage.WorkResponse(
        udiText,
        udi(udiText),
        correlator,
        service,
        ok,
        ok ? null : r.text("errorInfo", "errorMessage"),
        ok ? null : r.text("errorInfo", "errorCode"),
        info);
  }

  private static XmlElement root(byte[] body) throws MalformedPnp {
    XmlElement root;
    try {
      root = XmlElement.parse(body);
    } catch (XmlElement.MalformedXml e) {
      throw new MalformedPnp("malformed XML: " + e.getMessage());
    }
    if (!root.name().equals("pnp")) {
      throw new MalformedPnp("root element is <" + root.name() + ">, expected <pnp>");
    }
    if (!root.namespace().isEmpty() && !root.namespace().equals(NS)) {
      throw new MalformedPnp(
          "root element is in namespace '" + root.namespace() + "', expected '" + NS + "'");
    }
    return root;
  }

  private static String service(XmlElement response) throws MalformedPnp {
    String ns = response.namespace();
    if (!ns.startsWith(NS_PREFIX) || ns.length() == NS_PREFIX.length()) {
      throw new MalformedPnp("<response> namespace '" + ns + "' is not urn:cisco:pnp:<service>");
    }
    return ns.substring(NS_PREFIX.length());
  }

  private static String udiText(XmlElement root, String inner) throws MalformedPnp {
    String udi = root.attribute("udi");
    if (udi == null || udi.isBlank()) udi = inner;
    return required(udi, "<pnp> has no udi attribute");
  }

  private static Udi udi(String text) throws MalformedPnp {
    try {
      return Udi.parse(text);
    } catch (IllegalArgumentException e) {
      throw new MalformedPnp(e.getMessage());
    }
  }

  private static String required(String value, String missing) throws MalformedPnp {
    if (value == null || value.isBlank()) throw new MalformedPnp(missing);
    return value.trim();
  }

  private static DeviceInfo deviceInfo(XmlElement r) {
    List<DeviceInfo.FileSystem> fs = new ArrayList<>();
    r.child("fileSystemList")
        .ifPresent(
            list -> {
              for (XmlElement f : list.all("fileSystem")) {
                String name = f.attribute("name");
                if (name == null) continue;
                fs.add(
                    new DeviceInfo.FileSystem(
                        name,
                        f.attribute("type"),
                        number(f.attribute("size")),
                        number(f.attribute("freespace"))));
              }
            });
    return new DeviceInfo(
        r.text("imageInfo", "versionString"),
        r.text("imageInfo", "imageFile"),
        r.text("hardwareInfo", "platformName"),
        r.text("hardwareInfo", "boardId"),
        r.text("hardwareInfo", "hostname"),
        fs);
  }

  private static long number(String s) {
    if (s == null) return -1;
    try {
      return Long.parseLong(s.trim());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static String faultDetail(XmlElement fault) {
    // <detail><XSVC-ERR:error><XSVC-ERR:details>...</...></...></detail>: take the deepest text
    XmlElement e = fault.child("detail").orElse(null);
    while (e != null && e.text().isEmpty() && !e.children().isEmpty()) e = e.children().get(0);
    return e == null || e.text().isEmpty() ? null : e.text();
  }
}
