package io.ztpd.sim.device;

import io.ztpd.core.model.Mac;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Who a simulated device is out of the box: what is burnt into it (serial, MAC, model) and the
 * software it runs. The inventory knows it by the same serial and MAC.
 *
 * @param id the inventory id planned for it (used only to name it in the simulator's output)
 * @param persona the persona (flow) it follows, e.g. {@code juniper}, {@code cisco-pyztp}
 * @param serial chassis serial
 * @param mac base MAC, {@code aa:bb:cc:dd:ee:ff}
 * @param model hardware model / product id
 * @param version software version it runs before provisioning (image-version skip)
 * @param index position in the fleet (circuit-id port, seeds)
 */
public record DeviceSpec(
    String id, String persona, String serial, String mac, String model, String version, int index) {

  public DeviceSpec {
    Objects.requireNonNull(persona, "persona");
    Objects.requireNonNull(serial, "serial");
    mac = Mac.normalize(mac);
  }

  /** The six MAC octets (chaddr). */
  public byte[] macBytes() {
    return HexFormat.of().parseHex(mac.replace(":", ""));
  }

  /** MAC as 12 lower-case hex digits. */
  public String macHex() {
    return mac.replace(":", "");
  }

  /** Cisco's dotted spelling {@code 0000.5e00.5301}. */
  public String macDotted() {
    String h = macHex();
    return h.substring(0, 4) + "." + h.substring(4, 8) + "." + h.substring(8);
  }

  /** Huawei's spelling {@code 0000-5e00-5301}. */
  public String macHuawei() {
    return macDotted().replace('.', '-');
  }
}
