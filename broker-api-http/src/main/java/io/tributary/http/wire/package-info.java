/**
 * The Kinesis wire encodings: {@link io.tributary.http.wire.WireFormat} (JSON 1.1 or CBOR), request
 * bodies read as trees ({@link io.tributary.http.wire.WireObject}), responses and errors written
 * with one Jackson generator ({@link io.tributary.http.wire.WireCodec}), and the one difference
 * between the two formats, timestamps ({@link io.tributary.http.wire.TimestampEncoding}).
 */
package io.tributary.http.wire;
