package io.tributary.cli.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;

/**
 * The two bodies the AWS SDKs send to Kinesis: JSON 1.1, with blobs as base64 strings, and CBOR
 * 1.1, which the AWS SDK for Java v2 uses by default, with blobs as byte strings.
 *
 * <p>Both are written and read through Jackson's streaming API, so one request encoder and one
 * response decoder serve both: {@code writeBinary} emits base64 text in JSON and a byte string in
 * CBOR, and {@code getBinaryValue} reads either. Immutable; the Jackson factories are thread-safe.
 */
enum WireEncoding {
    JSON("application/x-amz-json-1.1", new JsonFactory()),
    CBOR("application/x-amz-cbor-1.1", new CBORFactory());

    private final String contentType;
    private final JsonFactory factory;

    WireEncoding(String contentType, JsonFactory factory) {
        this.contentType = contentType;
        this.factory = factory;
    }

    String contentType() {
        return contentType;
    }

    JsonFactory factory() {
        return factory;
    }
}
