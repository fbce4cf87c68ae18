package io.tributary.core.operations;

import io.tributary.core.BrokerConfig;
import io.tributary.core.RequestContext;
import io.tributary.core.accounts.AccountSettingsRegistry;
import io.tributary.core.error.KinesisException;
import io.tributary.core.model.EncryptionType;
import io.tributary.core.model.HashKeyRange;
import io.tributary.core.model.ShardId;
import io.tributary.core.model.StreamMode;
import io.tributary.core.model.StreamName;
import io.tributary.core.model.StreamStatus;
import io.tributary.core.streams.ShardState;
import io.tributary.core.streams.StreamKey;
import io.tributary.core.streams.StreamRegistry;
import io.tributary.core.streams.StreamState;
import io.tributary.storage.ShardLogId;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * CreateStream: a new stream, CREATING for the configured delay and then ACTIVE, with its shards
 * splitting the hash-key space evenly.
 *
 * <p>Without {@code ShardCount} or a mode the stream is ON_DEMAND, which (as in AWS) starts
 * with {@value #ON_DEMAND_SHARDS} shards; PROVISIONED requires {@code ShardCount}. An ON_DEMAND
 * stream counts against the account's on-demand stream limit in the region, as in AWS.
 *
 * <p>Thread-safe.
 */
public final class CreateStream implements KinesisOperation<CreateStream.Request, CreateStream.Response> {
  /** The shard count AWS gives a new on-demand stream. */
  public static final int ON_DEMAND_SHARDS = 4;

  /** Retention of a new stream: 24 hours, as in AWS. */
  public static final int DEFAULT_RETENTION_HOURS = 24;

  /**
   * @param tags applied from CREATING on, under AddTagsToStream's rules
   * @param warmThroughputMiBps for an ON_DEMAND stream in an account with the billing commitment
   * @param maxRecordSizeInKiB the stream's record size limit; 1024 (1 MiB) if absent
   */
  public record Request(
      StreamName streamName, OptionalInt shardCount, Optional<StreamMode> streamMode, Map<String, String> tags,
      OptionalInt warmThroughputMiBps, OptionalInt maxRecordSizeInKiB) {
    public Request {
      tags = Map.copyOf(tags);
    }

    /** A request without tags, warm throughput or record size. */
    public Request(StreamName streamName, OptionalInt shardCount, Optional<StreamMode> streamMode) {
      this(streamName, shardCount, streamMode, Map.of(), OptionalInt.empty(), OptionalInt.empty());
    }
  }

  /** CreateStream answers with an empty body. */
  public record Response() {}

  private final StreamRegistry registry;
  private final AccountSettingsRegistry accounts;
  private final BrokerConfig config;
  private final Clock clock;
  private final ShardLimit shardLimit;

  public CreateStream(StreamRegistry registry, AccountSettingsRegistry accounts, BrokerConfig config, Clock clock) {
    this.shardLimit = new ShardLimit(registry, config);
    this.registry = registry;
    this.accounts = accounts;
    this.config = config;
    this.clock = clock;
  }

  @Override
  public Response execute(RequestContext context, Request request) {
    StreamMode mode = request.streamMode()
        .orElse(request.shardCount().isPresent() ? StreamMode.PROVISIONED : StreamMode.ON_DEMAND);
    int shardCount;
    if (mode == StreamMode.PROVISIONED) {
      shardCount = request.shardCount().orElseThrow(() -> KinesisException.invalidArgument(
          "ShardCount must be specified for a stream in PROVISIONED mode."));
    } else {
      shardCount = ON_DEMAND_SHARDS;
    }
    StreamKey key = StreamKey.of(context, request.streamName());
    long now = clock.millis();
    if (!request.tags().isEmpty()) {
      TagRules rules = TagRules.forStream(key.name().value(), key.accountId());
      rules.checkAdded(request.tags());
      rules.merged(Map.of(), request.tags());
    }
    if (request.warmThroughputMiBps().isPresent()) {
      if (mode != StreamMode.ON_DEMAND) {
        throw KinesisException.invalidArgument("WarmThroughputMiBps is only valid for streams in ON_DEMAND mode.");
      }
      UpdateStreamWarmThroughput.requireWarmThroughputAllowed(accounts, key,
          request.warmThroughputMiBps().getAsInt(), now);
    }
    registry.create(key, uid -> newStream(key, uid, mode, shardCount, now).toBuilder()
        .tags(request.tags())
        .warmThroughputMiBps(request.warmThroughputMiBps())
        .maxRecordSizeKiB(request.maxRecordSizeInKiB().orElse(StreamState.DEFAULT_MAX_RECORD_SIZE_KIB))
        .build(), () -> {
          shardLimit.check(context, shardCount);
          if (mode == StreamMode.ON_DEMAND) {
            checkOnDemandLimit(registry, config, context.accountId(), context.region());
          }
        });
    return new Response();
  }

  /**
   * Refuses one more ON_DEMAND stream when the account already has its limit in this region,
   * worded as the AWS console shows it (hashicorp/terraform-provider-aws#38094).
   */
  static void checkOnDemandLimit(StreamRegistry registry, BrokerConfig config, String accountId, String region) {
    int current = 0;
    for (StreamState s : registry.list(accountId, region)) {
      if (s.streamMode() == StreamMode.ON_DEMAND) {
        current++;
      }
    }
    if (current + 1 > config.onDemandStreamCountLimit()) {
      throw KinesisException.limitExceeded("This request would exceed the limit on the number of On-Demand streams "
          + "for the account " + accountId + " in " + region + ". Current On-Demand streams count: " + current
          + ". Limit: " + config.onDemandStreamCountLimit() + ".");
    }
  }

  private StreamState newStream(StreamKey key, long uid, StreamMode mode, int shardCount, long now) {
    List<HashKeyRange> ranges = HashKeyRange.evenSplit(shardCount);
    List<ShardState> shards = new ArrayList<>(shardCount);
    for (int i = 0; i < shardCount; i++) {
      shards.add(new ShardState(new ShardId(i), ranges.get(i), Optional.empty(), Optional.empty(),
          now << 20, OptionalLong.empty(), new ShardLogId("shard/" + uid + "/" + i)));
    }
    return new StreamState(key, uid, StreamStatus.CREATING, now + config.createStreamDelay().toMillis(), now,
        DEFAULT_RETENTION_HOURS, shards, shardCount, mode, EncryptionType.NONE, Optional.empty(), Map.of(),
        List.of(), StreamState.DEFAULT_MAX_RECORD_SIZE_KIB, OptionalInt.empty(), List.of(), Optional.empty());
  }
}
