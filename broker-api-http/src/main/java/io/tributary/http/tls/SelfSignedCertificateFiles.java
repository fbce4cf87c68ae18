package io.tributary.http.tls;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A self-signed server certificate kept in a directory, made the first time it is needed:
 *
 * <pre>
 *   &lt;directory&gt;/certificate.pem    -----BEGIN CERTIFICATE-----    (X.509, DER in base64)
 *   &lt;directory&gt;/private-key.pem    -----BEGIN PRIVATE KEY-----    (PKCS#8, owner-only where POSIX)
 * </pre>
 *
 * <p>The key is EC P-256 and the certificate, signed SHA256withECDSA, names {@code localhost},
 * {@code 127.0.0.1} and {@code ::1} as subject alternative names and is valid for ten years. An
 * expired certificate, or a directory with only one of the two files, is replaced by a new pair.
 * Both files are written to temporary names and moved into place, so a crash leaves either the
 * old pair, no pair, or the new one.
 *
 * <p>The JDK can sign a certificate only through its internal {@code sun.security.x509} classes
 * (or by running {@code keytool}), so the certificate is built with BouncyCastle's PKIX API; the
 * key pair and the signature still come from the JDK's own providers, and no provider is
 * registered globally.
 *
 * <p>Not thread-safe: the server calls it once, at start-up.
 */
public final class SelfSignedCertificateFiles {
  private static final Logger log = LoggerFactory.getLogger(SelfSignedCertificateFiles.class);
  static final String CERTIFICATE_FILE = "certificate.pem";
  static final String PRIVATE_KEY_FILE = "private-key.pem";
  private static final Duration VALIDITY = Duration.ofDays(3650);
  /** Backdated so a client whose clock is a little behind still accepts it. */
  private static final Duration BACKDATE = Duration.ofDays(1);

  private final Path directory;
  private final Clock clock;
  private final SecureRandom random;

  public SelfSignedCertificateFiles(Path directory, Clock clock, SecureRandom random) {
    this.directory = directory;
    this.clock = clock;
    this.random = random;
  }

  public Path certificate() {
    return directory.resolve(CERTIFICATE_FILE);
  }

  public Path privateKey() {
    return directory.resolve(PRIVATE_KEY_FILE);
  }

  /**
   * Makes the pair unless a usable one is there already.
   *
   * @throws UncheckedIOException if the directory cannot be read or written
   */
  public void ensure() {
    try {
      if (Files.isRegularFile(certificate()) && Files.isRegularFile(privateKey())) {
        X509Certificate existing = read(certificate());
        if (existing.getNotAfter().toInstant().isAfter(clock.instant())) {
          return;
        }
        log.warn("The self-signed certificate in {} expired on {}; making a new one", directory,
            existing.getNotAfter().toInstant());
      }
      Files.createDirectories(directory);
      generate();
      log.info("Made a self-signed TLS certificate for localhost in {}", directory);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot keep a self-signed certificate in " + directory, e);
    }
  }

  private void generate() throws IOException {
    KeyPair keys;
    X509Certificate certificate;
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"), random);
      keys = generator.generateKeyPair();
      certificate = sign(keys);
    } catch (GeneralSecurityException | OperatorCreationException e) {
      throw new IllegalStateException("The JDK cannot make an EC P-256 certificate", e);
    }
    try {
      // The key first: a certificate without its key is replaced on the next start.
      writeAtomically(privateKey(), pem("PRIVATE KEY", keys.getPrivate().getEncoded()), true);
      writeAtomically(certificate(), pem("CERTIFICATE", certificate.getEncoded()), false);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Cannot encode the certificate just made", e);
    }
  }

  private X509Certificate sign(KeyPair keys)
      throws IOException, GeneralSecurityException, OperatorCreationException {
    Instant now = clock.instant();
    X500Name subject = new X500Name("CN=localhost, O=Tributary (self-signed)");
    X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject, new BigInteger(64, random).abs(),
        Date.from(now.minus(BACKDATE)), Date.from(now.plus(VALIDITY)), subject, keys.getPublic());
    builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
        new GeneralName(GeneralName.dNSName, "localhost"),
        new GeneralName(GeneralName.iPAddress, "127.0.0.1"),
        new GeneralName(GeneralName.iPAddress, InetAddress.getByName("::1").getHostAddress())}));
    builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
    builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
    builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
    ContentSigner signer = new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate());
    return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
  }

  private static X509Certificate read(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
    } catch (GeneralSecurityException e) {
      throw new IOException("Not a PEM certificate: " + file, e);
    }
  }

  static byte[] pem(String type, byte[] der) {
    String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
    return ("-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n")
        .getBytes(StandardCharsets.US_ASCII);
  }

  private static void writeAtomically(Path target, byte[] content, boolean ownerOnly) throws IOException {
    Path temporary = target.resolveSibling(target.getFileName() + ".tmp");
    Files.deleteIfExists(temporary);
    if (ownerOnly && temporary.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      Files.createFile(temporary, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    }
    Files.write(temporary, content);
    try {
      Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
