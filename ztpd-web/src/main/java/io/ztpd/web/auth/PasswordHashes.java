package io.ztpd.web.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;

/**
 * Password hashes for {@code users:} in ztpd.yaml: bcrypt (what {@code htpasswd -nB} and {@code
 * ztpd hash-password} print; checked by BouncyCastle's OpenBSDBCrypt) or PBKDF2-HMAC-SHA256 as
 * {@code pbkdf2-sha256:<iterations>:<salt base64>:<hash base64>}. Clear-text passwords are refused.
 */
public final class PasswordHashes {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final int BCRYPT_COST = 12;

  private PasswordHashes() {}

  /** Whether {@code hash} is in a supported format (not whether it is right). */
  public static boolean isSupported(String hash) {
    if (hash == null) return false;
    if (hash.matches("\\$2[aby]\\$\\d\\d\\$[./A-Za-z0-9]{53}")) return true;
    String[] p = hash.split(":");
    return p.length == 4 && p[0].equals("pbkdf2-sha256") && p[1].matches("\\d{4,9}");
  }

  public static boolean verify(String hash, String password) {
    if (password == null || !isSupported(hash)) return false;
    if (hash.startsWith("$2")) {
      return OpenBSDBCrypt.checkPassword(hash, password.toCharArray());
    }
    String[] p = hash.split(":");
    try {
      byte[] salt = Base64.getDecoder().decode(p[2]);
      byte[] want = Base64.getDecoder().decode(p[3]);
      byte[] got = pbkdf2(password, salt, Integer.parseInt(p[1]), want.length * 8);
      return MessageDigest.isEqual(want, got);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** A new bcrypt hash ({@code $2y$12$...}). */
  public static String bcrypt(String password) {
    byte[] salt = new byte[16];
    RANDOM.nextBytes(salt);
    return OpenBSDBCrypt.generate(
        "2y", password.getBytes(StandardCharsets.UTF_8), salt, BCRYPT_COST);
  }

  static byte[] pbkdf2(String password, byte[] salt, int iterations, int bits) {
    try {
      return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
          .generateSecret(new PBEKeySpec(password.toCharArray(), salt, iterations, bits))
          .getEncoded();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("PBKDF2 unavailable", e);
    }
  }
}
