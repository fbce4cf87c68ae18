package io.tributary.cli.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

class SigV4SignerTest {

    private static final String EXAMPLE_SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";

    @Test
    void signingKeyMatchesTheDerivationExampleOfTheSigV4Documentation() {
        // "Examples of how to derive a signing key for Signature Version 4", AWS General Reference.
        byte[] key = SigV4Signer.signingKey(EXAMPLE_SECRET, "20120215", "us-east-1", "iam");

        assertEquals("f4780e2d9f65fa895f9c67b32ce1baf0b0d8a43505a000a1a9e090d414db404d", SigV4Signer.hex(key));
    }

    @Test
    void postVanillaOfTheSigV4TestSuiteGetsItsPublishedSignature() {
        SigV4Signer signer = new SigV4Signer("AKIDEXAMPLE", EXAMPLE_SECRET, "us-east-1", "service");
        SortedMap<String, String> headers = new TreeMap<>();
        headers.put("host", "example.amazonaws.com");
        headers.put("x-amz-date", "20150830T123600Z");

        String authorization = signer.authorization("POST", "/", headers, new byte[0], 0, 0);

        assertEquals("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, "
                + "SignedHeaders=host;x-amz-date, "
                + "Signature=5da7c1a2acd57cee7505fc6676e4e544621c30862966e37dddb68e92efbe5d6b", authorization);
    }

    @Test
    void kinesisRequestIsSignedExactlyAsTheAwsSdkSignsIt() throws Exception {
        byte[] body = "{\"StreamName\":\"s\",\"Records\":[{\"Data\":\"AAEC\",\"PartitionKey\":\"k\"}]}"
                .getBytes(StandardCharsets.UTF_8);
        SigV4Signer signer = new SigV4Signer("AKIAIOSFODNN7EXAMPLE", EXAMPLE_SECRET, "eu-west-1", "kinesis");
        SortedMap<String, String> headers = kinesisHeaders("20240229T235959Z");
        // The SDK's signer adds and signs the payload hash header; the bench client omits it, which SigV4 allows.
        headers.put("x-amz-content-sha256", SigV4Signer.hex(MessageDigest.getInstance("SHA-256").digest(body)));

        String ours = signer.authorization("POST", "/", headers, body, 0, body.length);

        assertEquals(sdkAuthorization(body, Instant.parse("2024-02-29T23:59:59Z")), ours);
    }

    @Test
    void signsOnlyTheGivenSliceOfTheBodyBuffer() {
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
        byte[] padded = "xx{}yyyy".getBytes(StandardCharsets.UTF_8);
        SigV4Signer signer = new SigV4Signer("AKIAIOSFODNN7EXAMPLE", EXAMPLE_SECRET, "eu-west-1", "kinesis");

        assertEquals(signer.authorization("POST", "/", kinesisHeaders("20240229T235959Z"), body, 0, 2),
                signer.authorization("POST", "/", kinesisHeaders("20240229T235959Z"), padded, 2, 2));
    }

    @Test
    void aNewDateDerivesANewKeyAndReusingTheSignerMatchesAFreshOne() {
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
        SigV4Signer reused = new SigV4Signer("AKIAIOSFODNN7EXAMPLE", EXAMPLE_SECRET, "eu-west-1", "kinesis");
        String first = reused.authorization("POST", "/", kinesisHeaders("20240229T235959Z"), body, 0, 2);

        String second = reused.authorization("POST", "/", kinesisHeaders("20240301T000000Z"), body, 0, 2);

        SigV4Signer fresh = new SigV4Signer("AKIAIOSFODNN7EXAMPLE", EXAMPLE_SECRET, "eu-west-1", "kinesis");
        assertEquals(fresh.authorization("POST", "/", kinesisHeaders("20240301T000000Z"), body, 0, 2), second);
        assertNotEquals(first.substring(first.indexOf("Signature=")), second.substring(second.indexOf("Signature=")));
    }

    private static SortedMap<String, String> kinesisHeaders(String amzDate) {
        SortedMap<String, String> headers = new TreeMap<>();
        headers.put("content-type", "application/x-amz-json-1.1");
        headers.put("host", "127.0.0.1:4567");
        headers.put("x-amz-date", amzDate);
        headers.put("x-amz-target", "Kinesis_20131202.PutRecords");
        return headers;
    }

    private static String sdkAuthorization(byte[] body, Instant time) {
        SdkHttpRequest request = SdkHttpRequest.builder()
                .method(SdkHttpMethod.POST)
                .uri(URI.create("http://127.0.0.1:4567/"))
                .putHeader("Content-Type", "application/x-amz-json-1.1")
                .putHeader("X-Amz-Target", "Kinesis_20131202.PutRecords")
                .build();
        SignedRequest signed = AwsV4HttpSigner.create().sign(r -> r
                .identity(AwsCredentialsIdentity.create("AKIAIOSFODNN7EXAMPLE", EXAMPLE_SECRET))
                .request(request)
                .payload(ContentStreamProvider.fromByteArray(body))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "kinesis")
                .putProperty(AwsV4HttpSigner.REGION_NAME, "eu-west-1")
                .putProperty(HttpSigner.SIGNING_CLOCK, Clock.fixed(time, ZoneOffset.UTC)));
        return signed.request().firstMatchingHeader("Authorization").orElseThrow();
    }
}
