package io.tributary.http.tls;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SelfSignedCertificateFilesTest {
  private static final Instant NOW = Instant.parse("2026-11-28T08:00:00Z");

  @TempDir
  Path directory;

  private SelfSignedCertificateFiles files(Instant now) {
    return new SelfSignedCertificateFiles(directory, Clock.fixed(now, ZoneOffset.UTC), new SecureRandom());
  }

  private static X509Certificate read(Path file) throws Exception {
    try (InputStream in = Files.newInputStream(file)) {
      return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
    }
  }

  @Test
  void firstStartMakesACertificateForLocalhostAndAnOwnerOnlyKey() throws Exception {
    SelfSignedCertificateFiles files = files(NOW);
    files.ensure();
    X509Certificate certificate = read(files.certificate());
    certificate.verify(certificate.getPublicKey());
    certificate.checkValidity(java.util.Date.from(NOW));
    assertEquals(List.of(List.of(2, "localhost"), List.of(7, "127.0.0.1"), List.of(7, "0:0:0:0:0:0:0:1")),
        certificate.getSubjectAlternativeNames().stream().map(List::copyOf).toList());
    String key = Files.readString(files.privateKey(), StandardCharsets.US_ASCII);
    assertTrue(key.startsWith("-----BEGIN PRIVATE KEY-----\n"));
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(files.privateKey())));
  }

  @Test
  void validPairIsKept() throws Exception {
    files(NOW).ensure();
    byte[] certificate = Files.readAllBytes(directory.resolve(SelfSignedCertificateFiles.CERTIFICATE_FILE));
    files(NOW.plusSeconds(86_400)).ensure();
    assertArrayEquals(certificate, Files.readAllBytes(directory.resolve(SelfSignedCertificateFiles.CERTIFICATE_FILE)));
  }

  @Test
  void expiredCertificateIsReplaced() throws Exception {
    files(NOW).ensure();
    X509Certificate old = read(directory.resolve(SelfSignedCertificateFiles.CERTIFICATE_FILE));
    Instant afterExpiry = old.getNotAfter().toInstant().plusSeconds(1);
    files(afterExpiry).ensure();
    X509Certificate replaced = read(directory.resolve(SelfSignedCertificateFiles.CERTIFICATE_FILE));
    assertTrue(replaced.getNotAfter().toInstant().isAfter(afterExpiry));
  }

  @Test
  void certificateWithoutItsKeyIsReplacedByANewPair() throws Exception {
    files(NOW).ensure();
    byte[] certificate = Files.readAllBytes(directory.resolve(SelfSignedCertificateFiles.CERTIFICATE_FILE));
    Files.delete(directory.resolve(SelfSignedCertificateFiles.PRIVATE_KEY_FILE));
    files(NOW).ensure();
    assertTrue(Files.exists(directory.resolve(SelfSignedCertificateFiles.PRIVATE_KEY_FILE)));
    assertFalse(java.util.Arrays.equals(certificate,
        Files.readAllBytes(directory.resolve(SelfSignedCertificateFiles.CERTIFICATE_FILE))));
  }
}
