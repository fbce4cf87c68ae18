package io.tributary.cli.bench;

import java.net.URI;
import java.time.Clock;
import java.util.Locale;

/**
 * Where and how a {@link KinesisClient} talks: a plain-HTTP endpoint, the SigV4 credentials and
 * region, the wire encoding and the per-request timeout. Immutable.
 */
record ClientSettings(String host, int port, String region, String accessKey, String secretKey,
        WireEncoding encoding, int timeoutMillis, Clock clock) {

    /** Parses {@code http://host:port}; HTTPS is not supported (benchmarks run on loopback). */
    static ClientSettings of(String endpoint, String region, String accessKey, String secretKey,
            WireEncoding encoding, int timeoutMillis, Clock clock) {
        URI uri = URI.create(endpoint);
        if (uri.getScheme() == null || !uri.getScheme().toLowerCase(Locale.ROOT).equals("http")
                || uri.getHost() == null) {
            throw new IllegalArgumentException("endpoint must be http://host[:port], got " + endpoint);
        }
        int port = uri.getPort() == -1 ? 80 : uri.getPort();
        String host = uri.getHost().startsWith("[")
                ? uri.getHost().substring(1, uri.getHost().length() - 1)
                : uri.getHost();
        return new ClientSettings(host, port, region, accessKey, secretKey, encoding,
                timeoutMillis, clock);
    }

    /** The Host header, and the value signed for it: the port is present unless it is 80. */
    String hostHeader() {
        String name = host.contains(":") ? "[" + host + "]" : host;
        return port == 80 ? name : name + ":" + port;
    }

    String endpoint() {
        return "http://" + hostHeader();
    }
}
