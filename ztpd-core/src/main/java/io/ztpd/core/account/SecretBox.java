package io.ztpd.core.account;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts secrets at rest with AES-256-GCM under a key kept in the data directory ({@code
 * secret.key}, mode 0600, made on first start). The database alone never reveals a password.
 */
public final class SecretBox {
  private static final SecureRandom RANDOM = new SecureRandom();
  private final SecretKey key;

  private SecretBox(SecretKey key) {
    this.key = key;
  }

  /** Loads the key file, creating it when missing. */
  public static SecretBox open(Path keyFile) {
    try {
      if (!Files.exists(keyFile)) {
        Files.createDirectories(keyFile.toAbsolutePath().getParent());
        KeyGenerator g = KeyGenerator.getInstance("AES");
        g.init(256, RANDOM);
        byte[] raw = g.generateKey().getEncoded();
        Path tmp = keyFile.resolveSibling(keyFile.getFileName() + ".tmp");
        Files.write(tmp, Base64.getEncoder().encode(raw));
        try {
          Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException ignored) {
          // not a POSIX file system: the directory's permissions must protect it
        }
        Files.move(tmp, keyFile, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
      }
      byte[] raw = Base64.getDecoder().decode(Files.readString(keyFile).trim());
      if (raw.length != 32) throw new IllegalStateException(keyFile + ": not a 256-bit key");
      return new SecretBox(new SecretKeySpec(raw, "AES"));
    } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
      throw new IllegalStateException(
          "cannot use secret key file " + keyFile + ": " + e.getMessage(), e);
    }
  }

  /** For tests: a throwaway key. */
  public static SecretBox ephemeral() {
    byte[] raw = new byte[32];
    RANDOM.nextBytes(raw);
    return new SecretBox(new SecretKeySpec(raw, "AES"));
  }

  public String encrypt(String plain) {
    try {
      byte[] iv = new byte[12];
      RANDOM.nextBytes(iv);
      Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
      c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
      byte[] ct = c.doFinal(plain.getBytes(StandardCharsets.UTF_8));
      return "v1:"
          + Base64.getEncoder()
              .encodeToString(ByteBuffer.allocate(12 + ct.length).put(iv).put(ct).array());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  public String decrypt(String sealed) {
    if (!sealed.startsWith("v1:")) throw new IllegalArgumentException("unknown secret format");
    try {
      byte[] all = Base64.getDecoder().decode(sealed.substring(3));
      Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
      c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, all, 0, 12));
      return new String(c.doFinal(all, 12, all.length - 12), StandardCharsets.UTF_8);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot decrypt a stored secret: wrong secret.key?", e);
    }
  }
}
