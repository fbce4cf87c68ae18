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
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * PutRecords: up to 500 records, each routed on its own, with one result per record in request
 * order. The whole request is refused when its records (data plus partition keys) exceed 10 MiB,
 * the request limit the API reference gives since AWS allowed 10 MiB records; otherwise every record is written and acknowledged together. Records over
 * the stream's {@code MaxRecordSizeInKiB} refuse the whole request with one ValidationException
 * naming each, at {@code records.<n>.member.data} counted from 1, as AWS's validation layer does.
 *
 * <p>Tributary does not throttle, so {@code FailedRecordCount} is 0 unless storage fails.
 *
 * <p>Thread-safe.
 */
public final class PutRecords implements KinesisOperation<PutRecords.Request, PutRecords.Response> {
  /** The most bytes of data and partition keys one request may carry. */
  public static final long MAX_REQUEST_BYTES = 10L * 1024 * 1024;

  public record Request(StreamRef stream, List<Entry> records) {}

  public record Entry(byte[] data, String partitionKey, Optional<BigInteger> explicitHashKey) {}

  /** One record's outcome: a shard and sequence number, or an error code and message. */
  public record ResultEntry(
      Optional<ShardId> shardId, Optional<SequenceNumber> sequenceNumber, Optional<String> errorCode,
      Optional<String> errorMessage) {}

  public record Response(int failedRecordCount, List<ResultEntry> records, EncryptionType encryptionType) {}

  private final RecordWriter writer;

  public PutRecords(StreamRegistry registry, StreamStore store, AppendNotifier appends, Clock clock) {
    this.writer = new RecordWriter(registry, store, appends, clock);
  }

  @Override
  public Response execute(RequestContext context, Request request) {
    return writer.withWritableStream(context, request.stream(), stream -> put(stream, request));
  }

  private Response put(StreamState stream, Request request) {
    long bytes = 0;
    List<RecordWriter.Entry> entries = new ArrayList<>(request.records().size());
    for (Entry e : request.records()) {
      bytes += e.data().length + e.partitionKey().getBytes(StandardCharsets.UTF_8).length;
      entries.add(new RecordWriter.Entry(e.data(), e.partitionKey(), e.explicitHashKey(), Optional.empty()));
    }
    if (bytes > MAX_REQUEST_BYTES) {
      throw KinesisException.invalidArgument("Records size exceeds 10 MB limit");
    }
    // The request's size is checked first, then each record's, in moto's order.
    List<String> tooLarge = new ArrayList<>();
    for (int i = 0; i < request.records().size(); i++) {
      Entry e = request.records().get(i);
      RecordWriter.sizeViolation(stream, e.data(), e.partitionKey(), "records." + (i + 1) + ".member.data")
          .ifPresent(tooLarge::add);
    }
    if (!tooLarge.isEmpty()) {
      throw RecordWriter.validationErrors(tooLarge);
    }
    List<ShardState> shards = new ArrayList<>(entries.size());
    for (RecordWriter.Entry entry : entries) {
      shards.add(RecordWriter.route(stream, entry));
    }
    List<ResultEntry> results = new ArrayList<>(entries.size());
    for (RecordWriter.Written w : writer.append(stream, entries, shards)) {
      results.add(new ResultEntry(Optional.of(w.shard().shardId()), Optional.of(w.sequenceNumber()),
          Optional.empty(), Optional.empty()));
    }
    return new Response(0, results, stream.encryptionType());
  }
}
