package io.tributary.http;

import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.Protocol;
import software.amazon.awssdk.http.ProtocolNegotiation;
import software.amazon.awssdk.http.SdkHttpConfigurationOption;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kinesis.KinesisAsyncClient;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.utils.AttributeMap;

/** AWS SDK for Java v2 clients pointed at a test server, each as a user would configure it. */
final class SdkClients {
  private static final StaticCredentialsProvider CREDENTIALS =
      StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "secret"));
  private static final AttributeMap TRUST_ALL =
      AttributeMap.builder().put(SdkHttpConfigurationOption.TRUST_ALL_CERTIFICATES, true).build();

  private SdkClients() {}

  /** The async client with every default: HTTP/2 (prior knowledge on http://), CBOR. */
  static KinesisAsyncClient asyncDefaults(int port) {
    return KinesisAsyncClient.builder()
        .endpointOverride(URI.create("http://127.0.0.1:" + port))
        .region(Region.US_EAST_1)
        .credentialsProvider(CREDENTIALS)
        .build();
  }

  /** The async client over TLS with certificate checks off; HTTP/2 with or without ALPN. */
  static KinesisAsyncClient asyncTls(int port, ProtocolNegotiation negotiation) {
    return KinesisAsyncClient.builder()
        .endpointOverride(URI.create("https://127.0.0.1:" + port))
        .region(Region.US_EAST_1)
        .credentialsProvider(CREDENTIALS)
        .httpClient(NettyNioAsyncHttpClient.builder()
            .protocol(Protocol.HTTP2)
            .protocolNegotiation(negotiation)
            .connectionTimeout(Duration.ofSeconds(5))
            .buildWithDefaults(TRUST_ALL))
        .build();
  }

  /** The sync client over HTTP/1.1 with the Apache client, on {@code http} or {@code https}. */
  static KinesisClient syncApache(String scheme, int port) {
    return KinesisClient.builder()
        .endpointOverride(URI.create(scheme + "://127.0.0.1:" + port))
        .region(Region.US_EAST_1)
        .credentialsProvider(CREDENTIALS)
        .httpClient(ApacheHttpClient.builder().buildWithDefaults(TRUST_ALL))
        .build();
  }
}
