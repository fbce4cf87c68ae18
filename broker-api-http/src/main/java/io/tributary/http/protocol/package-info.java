/**
 * The Kinesis protocol independent of the transport: a {@link io.tributary.http.protocol.KinesisRequest}
 * in, a {@link io.tributary.http.protocol.KinesisResponse} out, through AWS's framework checks, the
 * model validator, the operation's mapper and the operation ({@link
 * io.tributary.http.protocol.RequestProcessor}).
 */
package io.tributary.http.protocol;
