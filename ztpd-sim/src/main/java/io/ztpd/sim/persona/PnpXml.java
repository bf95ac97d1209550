package io.ztpd.sim.persona;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Cisco PnP XML as the device agent writes and reads it: {@code <pnp xmlns="urn:cisco:pnp"
 * udi="PID:…,VID:…,SN:…">} around one {@code info} (work request), {@code request} (a work item
 * from the server, its kind in the namespace {@code urn:cisco:pnp:<kind>}) or {@code response}.
 */
final class PnpXml {
  static final String NS = "urn:cisco:pnp";

  private PnpXml() {}

  /** A work item from the server: its kind (device-info, config-upgrade, bye ...) and element. */
  record Work(String kind, String correlator, Element element) {
    boolean has(String localName) {
      return !descendants(element, localName).isEmpty();
    }

    /** Text of the first descendant with this local name, or null. */
    String text(String localName) {
      List<Element> e = descendants(element, localName);
      return e.isEmpty() ? null : e.get(0).getTextContent().trim();
    }
  }

  static String workRequest(String udi, String correlator, String hostname) {
    return head(udi)
        + "  <info xmlns=\""
        + NS
        + ":work-info\" correlator=\""
        + esc(correlator)
        + "\">\n"
        + "    <deviceId><udi>"
        + esc(udi)
        + "</udi><hostname>"
        + esc(hostname)
        + "</hostname><authRequired>false</authRequired><viaProxy>false</viaProxy>"
        + "<securityAdvise>false</securityAdvise></deviceId>\n"
        + "  </info>\n</pnp>\n";
  }

  static String response(String udi, String kind, String correlator, boolean ok, String inner) {
    return head(udi)
        + "  <response xmlns=\""
        + NS
        + ":"
        + kind
        + "\" correlator=\""
        + esc(correlator)
        + "\" success=\""
        + (ok ? 1 : 0)
        + "\">\n"
        + (inner == null ? "" : inner)
        + "  </response>\n</pnp>\n";
  }

  static String error(String message) {
    return "    <errorInfo><errorMessage>"
        + esc(message)
        + "</errorMessage><errorSeverity>ERROR</errorSeverity></errorInfo>\n";
  }

  static String deviceInfo(String udi, String serial, String model, String version, String host) {
    return "    <udi><primary-chassis>"
        + esc(udi)
        + "</primary-chassis></udi>\n"
        + "    <imageInfo><versionString>Cisco IOS XE Software, Version "
        + esc(version)
        + "</versionString><imageFile>flash:packages.conf</imageFile>"
        + "<imageHash/><returnToRomReason>power-on</returnToRomReason></imageInfo>\n"
        + "    <hardwareInfo><hostname>"
        + esc(host)
        + "</hostname><vendor>Cisco</vendor><platformName>"
        + esc(model)
        + "</platformName><hwRevision>V01</hwRevision><boardId>"
        + esc(serial)
        + "</boardId></hardwareInfo>\n";
  }

  private static String head(String udi) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<pnp xmlns=\""
        + NS
        + "\" version=\"1.0\" udi=\""
        + esc(udi)
        + "\">\n";
  }

  /**
   * The work item in a server answer: a {@code request} (kind from its namespace) or an {@code
   * info} carrying {@code workInfo/bye} or {@code backoff}; null for an empty answer.
   */
  static Work parse(byte[] xml) throws Exception {
    if (xml.length == 0 || new String(xml, java.nio.charset.StandardCharsets.UTF_8).isBlank()) {
      return null;
    }
    Document d = builder().parse(new ByteArrayInputStream(xml));
    Element root = d.getDocumentElement();
    for (Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (!(n instanceof Element e)) continue;
      String ns = e.getNamespaceURI() == null ? "" : e.getNamespaceURI();
      String kind = ns.startsWith(NS + ":") ? ns.substring(NS.length() + 1) : e.getLocalName();
      String correlator = e.getAttribute("correlator");
      if (!descendants(e, "bye").isEmpty()) return new Work("bye", correlator, e);
      if (!descendants(e, "backoff").isEmpty()) return new Work("backoff", correlator, e);
      if (e.getLocalName().equals("request") || e.getLocalName().equals("info")) {
        return new Work(kind, correlator, e);
      }
    }
    return null;
  }

  static List<Element> descendants(Element e, String localName) {
    List<Element> out = new ArrayList<>();
    var all = e.getElementsByTagNameNS("*", localName);
    for (int i = 0; i < all.getLength(); i++) out.add((Element) all.item(i));
    return out;
  }

  /** One factory: looking one up per message was a tenth of a storm simulator's CPU. */
  private static final DocumentBuilderFactory FACTORY = factory();

  private static DocumentBuilderFactory factory() {
    try {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setNamespaceAware(true);
      f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      f.setExpandEntityReferences(false);
      return f;
    } catch (javax.xml.parsers.ParserConfigurationException e) {
      throw new IllegalStateException("no secure XML parser", e);
    }
  }

  private static DocumentBuilder builder() throws Exception {
    synchronized (FACTORY) { // a factory is not guaranteed thread-safe; its builders are cheap
      return FACTORY.newDocumentBuilder();
    }
  }

  static String esc(String s) {
    if (s == null) return "";
    return s.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
