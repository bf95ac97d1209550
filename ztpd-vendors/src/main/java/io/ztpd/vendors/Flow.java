package io.ztpd.vendors;

import io.ztpd.core.image.Image;
import io.ztpd.core.model.Device;
import io.ztpd.core.model.Identity;
import io.ztpd.core.model.Mac;
import io.ztpd.core.provisioning.Artifacts;
import io.ztpd.core.provisioning.DeviceArtifacts.Made;
import io.ztpd.core.vendor.ArtifactContext;
import java.util.Optional;
import java.util.function.Function;

/** Path and device helpers shared by the profiles' {@code artifact} methods. */
public final class Flow {
  private Flow() {}

  /** The part of {@code path} after {@code prefix}, or null when it does not start with it. */
  public static String after(String path, String prefix) {
    return path.startsWith(prefix) ? path.substring(prefix.length()) : null;
  }

  /**
   * The {@code <key>} of a one-segment name {@code <key><suffix>}, or null when {@code name} is not
   * shaped so.
   */
  public static String key(String name, String suffix) {
    if (name == null || !name.endsWith(suffix) || name.length() == suffix.length()) return null;
    String key = name.substring(0, name.length() - suffix.length());
    return key.indexOf('/') >= 0 ? null : key;
  }

  /**
   * Makes a file for the device a path names by id, serial or MAC; an unknown key asks the resolver
   * to queue the device.
   */
  public static Made forDevice(ArtifactContext ctx, String key, Function<Device, Made> make) {
    return ctx.device(key).map(make).orElseGet(() -> new Made.Unknown(keysOf(key)));
  }

  /** Made for the requester, or the unknown-device answer when the resolver does not know it. */
  public static Made forRequester(Device requester, Function<Device, Made> make) {
    return requester != null ? make.apply(requester) : new Made.Unknown(null);
  }

  /**
   * Makes a file that depends on the device's target image: with the image, without one when none
   * is named, and an error naming it when the inventory names an image the repository lacks (a
   * device must not skip its upgrade in silence).
   */
  public static Made withTarget(
      ArtifactContext ctx, Device d, Function<Optional<Image>, Made> make) {
    Optional<Image> image = ctx.targetImage(d);
    if (image.isPresent()) return make.apply(image);
    Optional<String> wanted = ctx.wantedImage(d);
    if (wanted.isPresent()) return new Made.Error(missingImage(d, wanted.get()));
    return make.apply(Optional.empty());
  }

  /** Why a device's target image cannot be served. */
  public static String missingImage(Device d, String wanted) {
    return "target image '" + wanted + "' of " + d.id() + " is not in the image repository";
  }

  /** The device's target image file itself (Juniper's and Aruba's per-device image names). */
  public static Made targetImageFile(ArtifactContext ctx, Device d) {
    return ctx.targetImage(d)
        .map(i -> Artifacts.image(i, d))
        .orElseGet(
            () ->
                new Made.Missing(
                    ctx.wantedImage(d)
                        .map(w -> missingImage(d, w))
                        .orElse(d.id() + " has no target image")));
  }

  /** The identity a path key stands for: a MAC when it reads as one, else a serial. */
  public static Identity keysOf(String key) {
    return Mac.isMac(key) ? Identity.ofMac(key) : Identity.ofSerial(key);
  }

  /** The device's id in report bodies and messages. */
  public static String label(Device d) {
    String s = d.id() + (d.serial() != null ? " (serial " + d.serial() + ")" : "");
    return s.replaceAll("[^\\x20-\\x7e]", "?"); // it lands in a script comment
  }
}
