package io.ztpd.vendors.arista;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ztpd.core.model.Mac;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an Arista switch's bootstrap posts to {@code POST /nodes} (ZTPServer's node facts):
 *
 * <pre>{@code
 * {"model": "DCS-7050TX-64", "serialnumber": "JPE12345678", "systemmac": "00:1c:73:aa:bb:cc",
 *  "version": "4.30.1F",
 *  "neighbors": {"Ethernet49": [{"device": "spine1", "port": "Ethernet1"}]}}
 * }</pre>
 *
 * Neighbour entries may name the remote port {@code port} (the bootstrap) or {@code
 * remote_interface} (ZTPServer's API document).
 *
 * @param systemMac normalised MAC, null when absent
 * @param neighbors LLDP neighbours by local interface
 */
public record NodeFacts(
    String serialNumber,
    String systemMac,
    String model,
    String version,
    Map<String, List<Neighbor>> neighbors) {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** One LLDP neighbour: the remote device's name and its port. */
  public record Neighbor(String device, String port) {}

  public NodeFacts {
    neighbors = neighbors == null ? Map.of() : Map.copyOf(neighbors);
  }

  /** The body cannot be used; the message says why. */
  public static final class MalformedNode extends Exception {
    public MalformedNode(String message) {
      super(message);
    }
  }

  public static NodeFacts parse(byte[] body) throws MalformedNode {
    JsonNode root;
    try {
      root = JSON.readTree(body);
    } catch (JsonProcessingException e) {
      String where =
          e.getLocation() == null
              ? ""
              : " (line "
                  + e.getLocation().getLineNr()
                  + ", column "
                  + e.getLocation().getColumnNr()
                  + ")";
      throw new MalformedNode("invalid JSON: " + e.getOriginalMessage() + where);
    } catch (IOException e) {
      throw new MalformedNode("unreadable body: " + e.getMessage());
    }
    if (root == null || !root.isObject()) {
      throw new MalformedNode("node facts must be a JSON object");
    }
    String serial = text(root, "serialnumber");
    String mac = text(root, "systemmac");
    if (serial == null && mac == null) {
      throw new MalformedNode("node facts need 'serialnumber' or 'systemmac'");
    }
    if (mac != null) {
      if (!Mac.isMac(mac)) throw new MalformedNode("systemmac '" + mac + "' is not a MAC address");
      mac = Mac.normalize(mac);
    }
    return new NodeFacts(serial, mac, text(root, "model"), text(root, "version"), neighbors(root));
  }

  private static Map<String, List<Neighbor>> neighbors(JsonNode root) throws MalformedNode {
    JsonNode n = root.get("neighbors");
    Map<String, List<Neighbor>> out = new LinkedHashMap<>();
    if (n == null || n.isNull()) return out;
    if (!n.isObject()) {
      throw new MalformedNode("'neighbors' must be an object of interface → [neighbour]");
    }
    for (var it = n.fields(); it.hasNext(); ) {
      var e = it.next();
      if (!e.getValue().isArray()) {
        throw new MalformedNode("neighbors." + e.getKey() + " must be a list");
      }
      List<Neighbor> list = new ArrayList<>();
      for (JsonNode x : e.getValue()) {
        String device = text(x, "device");
        String port = text(x, "port");
        if (port == null) port = text(x, "remote_interface");
        if (device == null || port == null) {
          throw new MalformedNode(
              "neighbors."
                  + e.getKey()
                  + " entries need 'device' and 'port' (or 'remote_interface')");
        }
        list.add(new Neighbor(device, port));
      }
      out.put(e.getKey(), List.copyOf(list));
    }
    return out;
  }

  private static String text(JsonNode o, String field) {
    JsonNode v = o.get(field);
    if (v == null || v.isNull() || v.isContainerNode()) return null;
    String s = v.asText().trim();
    return s.isEmpty() ? null : s;
  }
}
