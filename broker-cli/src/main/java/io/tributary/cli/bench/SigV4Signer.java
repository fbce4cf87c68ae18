package io.tributary.cli.bench;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import java.util.SortedMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * AWS Signature Version 4 for requests with no query string, as every Kinesis operation is sent:
 * {@code POST /} with a JSON or CBOR body.
 *
 * <p>The algorithm is the one in "Create a signed AWS API request" of the IAM user guide:
 * a canonical request (method, path, empty query, sorted lower-case headers, signed header list,
 * hex SHA-256 of the payload), a string to sign ({@code AWS4-HMAC-SHA256}, the
 * {@code x-amz-date}, the credential scope and the hash of the canonical request), and an
 * HMAC-SHA256 with a key derived from the secret through date, region, service and
 * {@code aws4_request}. The payload is always hashed; {@code UNSIGNED-PAYLOAD} is never used,
 * so the client pays the same hashing cost the AWS SDKs pay over plain HTTP.
 *
 * <p>The derived key is cached for the current date. Confined to one thread: it owns a
 * {@link Mac} and a {@link MessageDigest}, neither of which is thread-safe.
 */
final class SigV4Signer {

    private static final String ALGORITHM = "AWS4-HMAC-SHA256";
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final String accessKey;
    private final String secretKey;
    private final String region;
    private final String service;
    private final MessageDigest sha256;
    private final Mac hmac;
    private String keyDate = "";

    SigV4Signer(String accessKey, String secretKey, String region, String service) {
        this.accessKey = accessKey;
        this.secretKey = secretKey;
        this.region = region;
        this.service = service;
        try {
            this.sha256 = MessageDigest.getInstance("SHA-256");
            this.hmac = Mac.getInstance("HmacSHA256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK always provides SHA-256 and HmacSHA256", e);
        }
    }

    /**
     * Returns the {@code Authorization} header value for a request.
     *
     * @param method the HTTP method, upper case
     * @param path the absolute path, already URI-encoded (Kinesis always uses {@code /})
     * @param headers every header to sign, names in lower case, sorted; must hold
     *     {@code host} and {@code x-amz-date} ({@code yyyyMMdd'T'HHmmss'Z'})
     * @param payload the request body
     */
    String authorization(String method, String path, SortedMap<String, String> headers,
            byte[] payload, int offset, int length) {
        String amzDate = headers.get("x-amz-date");
        if (amzDate == null || amzDate.length() != 16 || headers.get("host") == null) {
            throw new IllegalArgumentException("host and x-amz-date (yyyyMMddTHHmmssZ) must be signed");
        }
        String date = amzDate.substring(0, 8);
        StringBuilder canonical = new StringBuilder(256).append(method).append('\n')
                .append(path).append('\n')
                .append('\n');
        StringBuilder signedHeaders = new StringBuilder(64);
        for (Map.Entry<String, String> header : headers.entrySet()) {
            canonical.append(header.getKey()).append(':').append(header.getValue().strip()).append('\n');
            if (signedHeaders.length() > 0) {
                signedHeaders.append(';');
            }
            signedHeaders.append(header.getKey());
        }
        canonical.append('\n').append(signedHeaders).append('\n');
        sha256.update(payload, offset, length);
        canonical.append(hex(sha256.digest()));

        String scope = date + '/' + region + '/' + service + "/aws4_request";
        String stringToSign = ALGORITHM + '\n' + amzDate + '\n' + scope + '\n'
                + hex(sha256.digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
        useKeyFor(date);
        String signature = hex(hmac.doFinal(stringToSign.getBytes(StandardCharsets.UTF_8)));
        return ALGORITHM + " Credential=" + accessKey + '/' + scope
                + ", SignedHeaders=" + signedHeaders + ", Signature=" + signature;
    }

    /**
     * Derives the signing key: HMAC chained over date, region, service and
     * {@code aws4_request}, starting from {@code "AWS4" + secretKey}.
     */
    static byte[] signingKey(String secretKey, String date, String region, String service) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            byte[] key = ("AWS4" + secretKey).getBytes(StandardCharsets.UTF_8);
            for (String part : new String[] {date, region, service, "aws4_request"}) {
                mac.init(new SecretKeySpec(key, "HmacSHA256"));
                key = mac.doFinal(part.getBytes(StandardCharsets.UTF_8));
            }
            return key;
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 accepts any key", e);
        }
    }

    static String hex(byte[] bytes) {
        char[] out = new char[bytes.length * 2];
        for (int i = 0; i < bytes.length; i++) {
            out[2 * i] = HEX[(bytes[i] >> 4) & 0xf];
            out[2 * i + 1] = HEX[bytes[i] & 0xf];
        }
        return new String(out);
    }

    /** Keys the Mac with the signing key of {@code date}; doFinal leaves it keyed for the next request. */
    private void useKeyFor(String date) {
        if (date.equals(keyDate)) {
            return;
        }
        try {
            hmac.init(new SecretKeySpec(signingKey(secretKey, date, region, service), "HmacSHA256"));
        } catch (InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 accepts any key", e);
        }
        keyDate = date;
    }
}
