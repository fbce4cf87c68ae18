package io.tributary.http.tls;

import io.netty.handler.codec.http2.Http2SecurityUtil;
import io.netty.handler.ssl.ApplicationProtocolConfig;
import io.netty.handler.ssl.ApplicationProtocolNames;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import io.netty.handler.ssl.SupportedCipherSuiteFilter;
import java.io.File;
import java.security.SecureRandom;
import java.time.Clock;
import javax.net.ssl.SSLException;

/**
 * Builds the TLS port's Netty {@link SslContext} from a {@link TlsConfig}: the JDK's TLS (no
 * native library), TLS 1.2 and 1.3 with the cipher suites HTTP/2 allows (RFC 9113 §9.2.2), and
 * ALPN offering {@code h2} then {@code http/1.1}. A client that offers neither, or no ALPN at
 * all, is still served: the server then looks at its first bytes.
 */
public final class ServerSslContext {
  private ServerSslContext() {}

  /**
   * @throws IllegalArgumentException if the PEM files cannot be read or do not hold a
   *     certificate and its key
   * @throws java.io.UncheckedIOException if a self-signed certificate cannot be kept
   */
  public static SslContext build(TlsConfig config, Clock clock) {
    File certificate;
    File key;
    if (config.certificate() instanceof TlsConfig.PemFiles pem) {
      certificate = pem.certificateChain().toFile();
      key = pem.privateKey().toFile();
    } else {
      TlsConfig.SelfSigned selfSigned = (TlsConfig.SelfSigned) config.certificate();
      SelfSignedCertificateFiles files =
          new SelfSignedCertificateFiles(selfSigned.directory(), clock, new SecureRandom());
      files.ensure();
      certificate = files.certificate().toFile();
      key = files.privateKey().toFile();
    }
    try {
      return SslContextBuilder.forServer(certificate, key)
          .sslProvider(SslProvider.JDK)
          .protocols("TLSv1.3", "TLSv1.2")
          .ciphers(Http2SecurityUtil.CIPHERS, SupportedCipherSuiteFilter.INSTANCE)
          .applicationProtocolConfig(new ApplicationProtocolConfig(
              ApplicationProtocolConfig.Protocol.ALPN,
              ApplicationProtocolConfig.SelectorFailureBehavior.NO_ADVERTISE,
              ApplicationProtocolConfig.SelectedListenerFailureBehavior.ACCEPT,
              ApplicationProtocolNames.HTTP_2, ApplicationProtocolNames.HTTP_1_1))
          .build();
    } catch (SSLException | IllegalArgumentException e) {
      throw new IllegalArgumentException("Cannot use the TLS certificate " + certificate + " with the key " + key
          + ": " + e.getMessage(), e);
    }
  }
}
