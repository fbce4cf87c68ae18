package io.tributary.cli.bench;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import picocli.CommandLine.Option;

/**
 * The options every scenario shares: the endpoint and how to sign and encode for it, the stream,
 * and where the results go. A picocli mixin; its fields are set by picocli before the command
 * runs and read only by that command's thread.
 */
final class CommonOptions {

    @Option(names = "--endpoint", defaultValue = "http://127.0.0.1:4567", paramLabel = "URL",
            description = "Kinesis-compatible endpoint, plain HTTP (default: ${DEFAULT-VALUE}).")
    String endpoint;

    @Option(names = "--region", defaultValue = "us-east-1",
            description = "SigV4 signing region (default: ${DEFAULT-VALUE}).")
    String region;

    @Option(names = "--access-key", defaultValue = "AKIAIOSFODNN7EXAMPLE",
            description = "Access key id to sign with; fake by default.")
    String accessKey;

    @Option(names = "--secret-key", defaultValue = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
            description = "Secret key to sign with; fake by default.")
    String secretKey;

    @Option(names = "--encoding", defaultValue = "json", paramLabel = "json|cbor",
            description = "Wire encoding: json (application/x-amz-json-1.1, base64 blobs) or cbor "
                    + "(application/x-amz-cbor-1.1, as the AWS SDK for Java v2 sends). Default: ${DEFAULT-VALUE}.")
    String encoding;

    @Option(names = "--timeout-ms", defaultValue = "30000",
            description = "Connect and read timeout of each request (default: ${DEFAULT-VALUE}).")
    int timeoutMillis;

    @Option(names = "--stream", paramLabel = "NAME",
            description = "Stream to use; created if missing. Default: a new tributary-bench-<scenario>-<time> stream.")
    String stream;

    @Option(names = "--keep-stream",
            description = "Do not delete the stream at the end (a stream the run created is deleted by default).")
    boolean keepStream;

    @Option(names = "--json-out", paramLabel = "FILE", description = "Also write all results as JSON to FILE.")
    Path jsonOut;

    WireEncoding wireEncoding() {
        try {
            return WireEncoding.valueOf(encoding.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--encoding must be json or cbor, got " + encoding, e);
        }
    }

    ClientSettings clientSettings() {
        if (timeoutMillis <= 0) {
            throw new IllegalArgumentException("--timeout-ms must be positive");
        }
        return ClientSettings.of(endpoint, region, accessKey, secretKey, wireEncoding(), timeoutMillis,
                Clock.systemUTC());
    }
}
