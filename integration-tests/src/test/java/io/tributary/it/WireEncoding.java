package io.tributary.it;

import java.net.URI;
import java.time.Duration;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkSystemSetting;
import software.amazon.awssdk.http.Protocol;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kinesis.KinesisAsyncClient;
import software.amazon.awssdk.services.kinesis.KinesisAsyncClientBuilder;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.KinesisClientBuilder;

/**
 * The two encodings the AWS SDK for Java v2 speaks to Kinesis: CBOR, its default, and JSON,
 * which it uses when the system property {@code aws.cborEnabled} is {@code false}.
 *
 * <p>The SDK reads that property once, when a client is built, so {@link #connect} sets it just
 * for the build. Every client records the Content-Type of each request and response, so a test
 * can prove which encoding it really used.
 */
enum WireEncoding {
  CBOR("application/x-amz-cbor-1.1", true),
  JSON("application/x-amz-json-1.1", false);

  /** Fake credentials: Tributary does not verify SigV4 signatures, but the SDK insists on signing. */
  static final StaticCredentialsProvider FAKE_CREDENTIALS =
      StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIAIOSFODNN7EXAMPLE", "tributary-fake-secret"));

  private final String contentType;
  private final boolean cborEnabled;

  WireEncoding(String contentType, boolean cborEnabled) {
    this.contentType = contentType;
    this.cborEnabled = cborEnabled;
  }

  /** The Content-Type of this encoding's requests and responses. */
  String contentType() {
    return contentType;
  }

  /** A client for the server at {@code endpoint}, with the SDK's default retries. */
  KinesisSdk connect(URI endpoint) {
    return connect(endpoint, false);
  }

  /**
   * A client for the server at {@code endpoint}.
   *
   * @param withoutRetries true to see every failure as it happens, as the crash test must: a
   *     retried PutRecords could store a batch twice
   */
  KinesisSdk connect(URI endpoint, boolean withoutRetries) {
    return connect(endpoint, FAKE_CREDENTIALS, Region.US_EAST_1, withoutRetries);
  }

  /**
   * A client for the server at {@code endpoint} that signs with the access key {@code accessKeyId}
   * (and a fake secret) for {@code region}, as a tenant of a server started with {@code
   * --access-key} would: the server takes the account from the key and the region from the
   * signature's credential scope.
   */
  KinesisSdk connect(URI endpoint, String accessKeyId, Region region) {
    StaticCredentialsProvider credentials =
        StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKeyId, "tributary-fake-secret"));
    return connect(endpoint, credentials, region, false);
  }

  private KinesisSdk connect(URI endpoint, StaticCredentialsProvider credentials, Region region,
      boolean withoutRetries) {
    ExchangeRecorder recorder = new ExchangeRecorder();
    KinesisClientBuilder builder = KinesisClient.builder()
        .endpointOverride(endpoint)
        .region(region)
        .credentialsProvider(credentials)
        .httpClientBuilder(UrlConnectionHttpClient.builder().socketTimeout(Duration.ofSeconds(30)))
        .overrideConfiguration(o -> {
          o.addExecutionInterceptor(recorder);
          if (withoutRetries) {
            o.retryStrategy(AwsRetryStrategy.doNotRetry());
          }
        });
    return new KinesisSdk(this, withCborSetting(builder::build), recorder);
  }

  /**
   * An asynchronous client for the server at {@code endpoint}, as SubscribeToShard needs: Netty,
   * HTTP/2 with prior knowledge over plain TCP, as the SDK sets it up for Kinesis.
   */
  KinesisAsyncClient connectAsync(URI endpoint, ExchangeRecorder recorder) {
    KinesisAsyncClientBuilder builder = KinesisAsyncClient.builder()
        .endpointOverride(endpoint)
        .region(Region.US_EAST_1)
        .credentialsProvider(FAKE_CREDENTIALS)
        .httpClientBuilder(NettyNioAsyncHttpClient.builder().protocol(Protocol.HTTP2))
        .overrideConfiguration(o -> o.addExecutionInterceptor(recorder));
    return withCborSetting(builder::build);
  }

  private <T> T withCborSetting(Supplier<T> build) {
    String property = SdkSystemSetting.CBOR_ENABLED.property();
    synchronized (WireEncoding.class) {
      String before = System.getProperty(property);
      System.setProperty(property, Boolean.toString(cborEnabled));
      try {
        return build.get();
      } finally {
        if (before == null) {
          System.clearProperty(property);
        } else {
          System.setProperty(property, before);
        }
      }
    }
  }
}
