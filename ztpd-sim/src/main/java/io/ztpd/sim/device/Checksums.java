package io.ztpd.sim.device;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Hex digests the way devices compare them (md5 for NX-OS and PnP, sha256, sha1 for Arista). */
public final class Checksums {
  private Checksums() {}

  public static String hex(String algorithm, byte[] data) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(data));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalArgumentException("no digest " + algorithm, e);
    }
  }

  public static String md5(byte[] data) {
    return hex("MD5", data);
  }

  public static String sha256(byte[] data) {
    return hex("SHA-256", data);
  }

  public static String sha1(byte[] data) {
    return hex("SHA-1", data);
  }
}
