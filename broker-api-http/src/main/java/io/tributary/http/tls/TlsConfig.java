package io.tributary.http.tls;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The optional TLS port: where it listens and where its certificate comes from. It serves what
 * the plain port serves, HTTP/1.1 and HTTP/2, chosen by ALPN or, without ALPN, by the client's
 * first bytes.
 *
 * @param port the port; 0 binds an ephemeral one
 * @param certificate PEM files given by the operator, or a self-signed certificate kept in a
 *     directory
 */
public record TlsConfig(int port, CertificateSource certificate) {

  public TlsConfig {
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("TLS port out of [0, 65535]: " + port);
    }
    Objects.requireNonNull(certificate, "certificate");
  }

  /** Where the server's certificate and private key come from. */
  public sealed interface CertificateSource permits PemFiles, SelfSigned {}

  /**
   * A certificate chain and its private key in PEM files, as {@code openssl} or a CA writes them.
   *
   * @param certificateChain the server's certificate first, then any intermediates
   * @param privateKey the key, PKCS#8 ({@code BEGIN PRIVATE KEY}) or, with BouncyCastle on the
   *     class path as it is, PKCS#1 ({@code BEGIN RSA PRIVATE KEY}) or SEC1 ({@code BEGIN EC
   *     PRIVATE KEY}); unencrypted
   */
  public record PemFiles(Path certificateChain, Path privateKey) implements CertificateSource {
    public PemFiles {
      Objects.requireNonNull(certificateChain, "certificateChain");
      Objects.requireNonNull(privateKey, "privateKey");
    }
  }

  /**
   * A self-signed certificate for {@code localhost}, {@code 127.0.0.1} and {@code ::1}, made on
   * first start and kept in {@code directory} (see {@link SelfSignedCertificateFiles}), so clients
   * that pin or trust it keep working across restarts.
   */
  public record SelfSigned(Path directory) implements CertificateSource {
    public SelfSigned {
      Objects.requireNonNull(directory, "directory");
    }
  }

  public static TlsConfig pemFiles(int port, Path certificateChain, Path privateKey) {
    return new TlsConfig(port, new PemFiles(certificateChain, privateKey));
  }

  public static TlsConfig selfSigned(int port, Path directory) {
    return new TlsConfig(port, new SelfSigned(directory));
  }
}
