package io.ztpd.vendors.cisco.pnp;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a device reported in its device-info work response.
 *
 * @param versionString {@code imageInfo/versionString}, e.g. {@code Cisco IOS XE Software, Version
 *     17.09.04a}
 * @param imageFile {@code imageInfo/imageFile}, e.g. {@code flash:packages.conf}
 * @param platformName {@code hardwareInfo/platformName}
 * @param boardId {@code hardwareInfo/boardId}: the chassis serial
 * @param hostname {@code hardwareInfo/hostname}
 * @param fileSystems {@code fileSystemList/fileSystem}
 */
public record DeviceInfo(
    String versionString,
    String imageFile,
    String platformName,
    String boardId,
    String hostname,
    List<FileSystem> fileSystems) {

  private static final Pattern VERSION = Pattern.compile("Version\\s+([^\\s,]+)");

  /**
   * One file system the device has.
   *
   * @param freeBytes free space, -1 when not reported
   */
  public record FileSystem(String name, String type, long sizeBytes, long freeBytes) {}

  public DeviceInfo {
    fileSystems = fileSystems == null ? List.of() : List.copyOf(fileSystems);
  }

  /** The version token of {@link #versionString} ({@code 17.09.04a}), else the whole string. */
  public String version() {
    if (versionString == null) return null;
    Matcher m = VERSION.matcher(versionString);
    return m.find() ? m.group(1) : versionString.trim();
  }

  /** Where images go: {@code bootflash} or {@code flash} when reported, else {@code flash}. */
  public FileSystem imageFileSystem() {
    for (String preferred : List.of("bootflash", "flash")) {
      for (FileSystem f : fileSystems) if (f.name().equalsIgnoreCase(preferred)) return f;
    }
    return new FileSystem("flash", "disk", -1, -1);
  }
}
