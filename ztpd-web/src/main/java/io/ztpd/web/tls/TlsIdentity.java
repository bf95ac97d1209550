package io.ztpd.web.tls;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The HTTPS server's key and certificate: the operator's PEM files, or a self-signed certificate
 * made on first start and kept in the data directory (devices that fetch over HTTPS usually do not
 * validate it during ZTP; operators replace it with their own).
 *
 * @param keyStore a PKCS#12 key store with one entry, {@code ztpd}
 * @param password its password
 */
public record TlsIdentity(KeyStore keyStore, char[] password) {
  private static final String ALIAS = "ztpd";

  /**
   * Loads {@code dir/ztpd.p12}, or makes it: RSA 2048, valid 10 years, SANs = names and addresses.
   */
  public static TlsIdentity selfSigned(Path dir, String commonName, List<String> addresses) {
    Path store = dir.resolve("ztpd.p12");
    Path pass = dir.resolve("ztpd.p12.pass");
    try {
      if (!Files.exists(store) || !Files.exists(pass))
        create(dir, store, pass, commonName, addresses);
      char[] pw = Files.readString(pass).trim().toCharArray();
      KeyStore ks = KeyStore.getInstance("PKCS12");
      try (InputStream in = Files.newInputStream(store)) {
        ks.load(in, pw);
      }
      return new TlsIdentity(ks, pw);
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException(
          "cannot make or read the self-signed certificate in " + dir + ": " + e.getMessage(), e);
    }
  }

  private static void create(Path dir, Path store, Path pass, String cn, List<String> addresses)
      throws IOException, GeneralSecurityException {
    Files.createDirectories(dir);
    KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
    g.initialize(2048, new SecureRandom());
    KeyPair kp = g.generateKeyPair();
    Instant now = Instant.now();
    X500Name name = new X500Name("CN=" + cn + ",O=ztpd");
    var builder =
        new JcaX509v3CertificateBuilder(
            name,
            new BigInteger(64, new SecureRandom()),
            Date.from(now.minus(Duration.ofDays(1))),
            Date.from(now.plus(Duration.ofDays(3650))),
            name,
            kp.getPublic());
    List<GeneralName> sans = new ArrayList<>();
    sans.add(new GeneralName(GeneralName.dNSName, cn));
    for (String a : addresses) {
      boolean ip = a.chars().allMatch(c -> c == '.' || Character.isDigit(c));
      sans.add(new GeneralName(ip ? GeneralName.iPAddress : GeneralName.dNSName, a));
    }
    try {
      builder.addExtension(
          Extension.subjectAlternativeName,
          false,
          new GeneralNames(sans.toArray(GeneralName[]::new)));
      X509Certificate cert =
          new JcaX509CertificateConverter()
              .getCertificate(
                  builder.build(
                      new JcaContentSignerBuilder("SHA256withRSA").build(kp.getPrivate())));
      char[] pw = randomPassword();
      KeyStore ks = KeyStore.getInstance("PKCS12");
      ks.load(null, null);
      ks.setKeyEntry(ALIAS, kp.getPrivate(), pw, new Certificate[] {cert});
      write(pass, new String(pw).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      Path tmp = store.resolveSibling(store.getFileName() + ".tmp");
      try (OutputStream out = Files.newOutputStream(tmp)) {
        ks.store(out, pw);
      }
      restrict(tmp);
      Files.move(tmp, store, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (org.bouncycastle.operator.OperatorCreationException e) {
      throw new GeneralSecurityException(e);
    }
  }

  /** The operator's certificate chain and private key, both PEM. */
  public static TlsIdentity fromPem(Path certFile, Path keyFile) {
    try {
      List<Certificate> chain = new ArrayList<>();
      try (InputStream in = Files.newInputStream(certFile)) {
        chain.addAll(CertificateFactory.getInstance("X.509").generateCertificates(in));
      }
      if (chain.isEmpty()) throw new IllegalArgumentException(certFile + ": no certificate in it");
      PrivateKey key;
      try (Reader r = Files.newBufferedReader(keyFile);
          PEMParser p = new PEMParser(r)) {
        Object o = p.readObject();
        JcaPEMKeyConverter conv = new JcaPEMKeyConverter();
        key =
            switch (o) {
              case PEMKeyPair pair -> conv.getKeyPair(pair).getPrivate();
              case PrivateKeyInfo info -> conv.getPrivateKey(info);
              case null -> throw new IllegalArgumentException(keyFile + ": no private key in it");
              default ->
                  throw new IllegalArgumentException(
                      keyFile
                          + ": not an unencrypted PEM private key ("
                          + o.getClass().getSimpleName()
                          + ")");
            };
      }
      char[] pw = randomPassword();
      KeyStore ks = KeyStore.getInstance("PKCS12");
      ks.load(null, null);
      ks.setKeyEntry(ALIAS, key, pw, chain.toArray(Certificate[]::new));
      return new TlsIdentity(ks, pw);
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalArgumentException(
          "cannot use TLS certificate " + certFile + " / key " + keyFile + ": " + e.getMessage(),
          e);
    }
  }

  private static char[] randomPassword() {
    byte[] b = new byte[18];
    new SecureRandom().nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b).toCharArray();
  }

  private static void write(Path p, byte[] bytes) throws IOException {
    Files.write(p, bytes);
    restrict(p);
  }

  private static void restrict(Path p) throws IOException {
    try {
      Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException ignored) {
      // not POSIX: the data directory's permissions protect it
    }
  }

  /** Used in the log line: the certificate's subject. */
  public String subject() {
    try {
      return ((X509Certificate) keyStore.getCertificate(ALIAS)).getSubjectX500Principal().getName();
    } catch (GeneralSecurityException e) {
      return "?";
    }
  }
}
