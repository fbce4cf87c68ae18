package io.tributary.core.operations;

import io.tributary.core.RequestContext;
import io.tributary.core.error.KinesisException;
import io.tributary.core.model.EncryptionType;
import io.tributary.core.model.SequenceNumber;
import io.tributary.core.model.ShardId;
import io.tributary.core.streams.AppendNotifier;
import io.tributary.core.streams.ShardState;
import io.tributary.core.streams.StreamRegistry;
import io.tributary.core.streams.StreamState;
import io.tributary.storage.StreamStore;
import java.math.BigInteger;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * PutRecord: one record, routed by the MD5 of its partition key (or its explicit hash key) and
 * acknowledged once durable. {@code SequenceNumberForOrdering} is honoured: the new record's
 * sequence number is greater than it, even when it came from another shard. A record whose data
 * plus partition key exceeds the stream's {@code MaxRecordSizeInKiB} is refused with AWS's
 * ValidationException.
 *
 * <p>Thread-safe.
 */
public final class PutRecord implements KinesisOperation<PutRecord.Request, PutRecord.Response> {

  /**
   * @param sequenceNumberForOrdering as sent, checked here so the error can name the stream
   */
  public record Request(
      StreamRef stream, byte[] data, String partitionKey, Optional<BigInteger> explicitHashKey,
      Optional<String> sequenceNumberForOrdering) {}

  public record Response(ShardId shardId, SequenceNumber sequenceNumber, EncryptionType encryptionType) {}

  private final RecordWriter writer;

  public PutRecord(StreamRegistry registry, StreamStore store, AppendNotifier appends, Clock clock) {
    this.writer = new RecordWriter(registry, store, appends, clock);
  }

  @Override
  public Response execute(RequestContext context, Request request) {
    return writer.withWritableStream(
        context, request.stream(), stream -> put(stream, request, false).orElseThrow());
  }

  /** True when the store can append without blocking ({@code --durability wal}). */
  @Override
  public boolean hasNonBlockingPath() {
    return writer.canAppendWithoutBlocking();
  }

  /**
   * Puts the record only if neither the stream's shard lock nor the store's writer is busy, and
   * the store's write does not sync: see {@link KinesisOperation#executeIfNonBlocking}.
   */
  @Override
  public Optional<Response> executeIfNonBlocking(RequestContext context, Request request) {
    return writer.withWritableStreamIfFree(context, request.stream(), stream -> put(stream, request, true));
  }

  private Optional<Response> put(StreamState stream, Request request, boolean ifIdle) {
    Optional<String> tooLarge = RecordWriter.sizeViolation(stream, request.data(), request.partitionKey(), "data");
    if (tooLarge.isPresent()) {
      throw RecordWriter.validationErrors(List.of(tooLarge.get()));
    }
    Optional<SequenceNumber> ordering = Optional.empty();
    if (request.sequenceNumberForOrdering().isPresent()) {
      String text = request.sequenceNumberForOrdering().get();
      ordering = Optional.of(SequenceNumber.parse(text).orElseThrow(() -> KinesisException.invalidArgument(
          "ExclusiveMinimumSequenceNumber " + text + " used in PutRecord on stream " + stream.key().name()
              + " under account " + stream.key().accountId() + " is invalid.")));
    }
    RecordWriter.Entry entry =
        new RecordWriter.Entry(request.data(), request.partitionKey(), request.explicitHashKey(), ordering);
    ShardState shard = RecordWriter.route(stream, entry);
    Optional<List<RecordWriter.Written>> written = ifIdle
        ? writer.appendIfIdle(stream, List.of(entry), List.of(shard))
        : Optional.of(writer.append(stream, List.of(entry), List.of(shard)));
    return written.map(w -> new Response(w.get(0).shard().shardId(), w.get(0).sequenceNumber(),
        stream.encryptionType()));
  }
}
