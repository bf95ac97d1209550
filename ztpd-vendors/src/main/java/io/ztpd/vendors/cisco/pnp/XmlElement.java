package io.ztpd.vendors.cisco.pnp;

import java.io.ByteArrayInputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * A small read-only XML tree, parsed with DTDs and external entities off (no XXE, no entity
 * expansion bombs). Names are local names; lookups ignore case, because PnP agents differ in the
 * case of element names ({@code imageInfo} from IOS, {@code imageinfo} from some emulators).
 *
 * @param name local name
 * @param namespace namespace URI, "" when none
 * @param attributes attributes by local name
 * @param text the element's own character data, trimmed
 * @param children child elements in document order
 */
record XmlElement(
    String name,
    String namespace,
    Map<String, String> attributes,
    String text,
    List<XmlElement> children) {

  private static final int MAX_DEPTH = 32;
  private static final int MAX_ELEMENTS = 10_000;
  private static final XMLInputFactory FACTORY = factory();

  private static XMLInputFactory factory() {
    XMLInputFactory f = XMLInputFactory.newFactory();
    f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
    f.setProperty(XMLInputFactory.IS_COALESCING, true);
    return f;
  }

  /** Thrown for input that is not well-formed XML (or too deep / too big to be a PnP message). */
  static final class MalformedXml extends Exception {
    MalformedXml(String message) {
      super(message);
    }
  }

  static XmlElement parse(byte[] xml) throws MalformedXml {
    if (xml.length == 0) throw new MalformedXml("empty body");
    try {
      XMLStreamReader r = FACTORY.createXMLStreamReader(new ByteArrayInputStream(xml));
      try {
        return read(r);
      } finally {
        r.close();
      }
    } catch (XMLStreamException e) {
      throw new MalformedXml(describe(e));
    }
  }

  private static XmlElement read(XMLStreamReader r) throws XMLStreamException, MalformedXml {
    Deque<Builder> open = new ArrayDeque<>();
    XmlElement root = null;
    int elements = 0;
    while (r.hasNext()) {
      int event = r.next();
      switch (event) {
        case XMLStreamConstants.DTD -> throw new MalformedXml("DOCTYPE is not allowed");
        case XMLStreamConstants.START_ELEMENT -> {
          if (open.size() >= MAX_DEPTH) throw new MalformedXml("nested deeper than " + MAX_DEPTH);
          if (++elements > MAX_ELEMENTS)
            throw new MalformedXml("more than " + MAX_ELEMENTS + " elements");
          Map<String, String> attrs = new LinkedHashMap<>();
          for (int i = 0; i < r.getAttributeCount(); i++) {
            attrs.put(r.getAttributeLocalName(i), r.getAttributeValue(i));
          }
          String ns = r.getNamespaceURI();
          open.push(new Builder(r.getLocalName(), ns == null ? "" : ns, attrs));
        }
        case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA -> {
          if (!open.isEmpty()) open.peek().text.append(r.getText());
        }
        case XMLStreamConstants.END_ELEMENT -> {
          XmlElement done = open.pop().build();
          if (open.isEmpty()) root = done;
          else open.peek().children.add(done);
        }
        default -> {
          // comments, processing instructions, whitespace outside the root: nothing to keep
        }
      }
    }
    if (root == null) throw new MalformedXml("no root element");
    return root;
  }

  private static String describe(XMLStreamException e) {
    String msg = e.getMessage() == null ? e.toString() : e.getMessage();
    // StAX prefixes "ParseError at [row,col]:[1,7]\nMessage: ..."; keep the message, say where
    int m = msg.indexOf("Message: ");
    if (m >= 0) msg = msg.substring(m + 9);
    Location at = e.getLocation();
    return at == null || at.getLineNumber() < 0
        ? msg.trim()
        : "line " + at.getLineNumber() + ", column " + at.getColumnNumber() + ": " + msg.trim();
  }

  private static final class Builder {
    final String name;
    final String namespace;
    final Map<String, String> attrs;
    final StringBuilder text = new StringBuilder();
    final List<XmlElement> children = new ArrayList<>();

    Builder(String name, String namespace, Map<String, String> attrs) {
      this.name = name;
      this.namespace = namespace;
      this.attrs = attrs;
    }

    XmlElement build() {
      return new XmlElement(
          name, namespace, Map.copyOf(attrs), text.toString().trim(), List.copyOf(children));
    }
  }

  /** The first child with this local name (any case). */
  Optional<XmlElement> child(String localName) {
    for (XmlElement c : children) if (c.name.equalsIgnoreCase(localName)) return Optional.of(c);
    return Optional.empty();
  }

  List<XmlElement> all(String localName) {
    return children.stream().filter(c -> c.name.equalsIgnoreCase(localName)).toList();
  }

  /** The text of the element at this path of child names, or null. */
  String text(String... path) {
    XmlElement e = this;
    for (String p : path) {
      Optional<XmlElement> c = e.child(p);
      if (c.isEmpty()) return null;
      e = c.get();
    }
    return e.text.isEmpty() ? null : e.text;
  }

  /** An attribute by local name (any case), or null. */
  String attribute(String localName) {
    for (var a : attributes.entrySet())
      if (a.getKey().equalsIgnoreCase(localName)) return a.getValue();
    return null;
  }
}
