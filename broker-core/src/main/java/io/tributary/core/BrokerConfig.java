package io.tributary.core;

import java.time.Duration;
import java.util.Objects;

/**
 * Settings of the Kinesis domain that AWS fixes per account but a self-hosted broker lets its
 * operator choose.
 *
 * @param defaultAccountId the account of requests whose access key maps to no account
 * @param defaultRegion the region of requests that carry no SigV4 credential scope
 * @param createStreamDelay how long a new stream stays CREATING before it turns ACTIVE
 * @param deleteStreamDelay how long a deleted stream stays visible as DELETING
 * @param shardLimit the most open shards one account may have in one region
 * @param shardIteratorTtl how long a shard iterator stays valid (AWS: 5 minutes)
 * @param maxConsumersPerStream the most enhanced fan-out consumers one stream may have (AWS: 20)
 * @param onDemandStreamCountLimit the most ON_DEMAND streams one account may have in one region
 *     (AWS: 50)
 */
public record BrokerConfig(
    String defaultAccountId,
    String defaultRegion,
    Duration createStreamDelay,
    Duration deleteStreamDelay,
    int shardLimit,
    Duration shardIteratorTtl,
    int maxConsumersPerStream,
    int onDemandStreamCountLimit) {

  /** Consumers per stream, as AWS allows on provisioned and on-demand standard streams. */
  public static final int DEFAULT_MAX_CONSUMERS_PER_STREAM = 20;
  /** On-demand streams per account and region, AWS's default quota. */
  public static final int DEFAULT_ON_DEMAND_STREAM_COUNT_LIMIT = 50;

  public BrokerConfig {
    Objects.requireNonNull(defaultAccountId, "defaultAccountId");
    Objects.requireNonNull(defaultRegion, "defaultRegion");
    Objects.requireNonNull(createStreamDelay, "createStreamDelay");
    Objects.requireNonNull(deleteStreamDelay, "deleteStreamDelay");
    Objects.requireNonNull(shardIteratorTtl, "shardIteratorTtl");
    if (!defaultAccountId.matches("\\d{12}")) {
      throw new IllegalArgumentException("account id must be 12 digits: " + defaultAccountId);
    }
    if (shardLimit < 1) {
      throw new IllegalArgumentException("shard limit must be positive: " + shardLimit);
    }
    if (maxConsumersPerStream < 1) {
      throw new IllegalArgumentException("consumer limit must be positive: " + maxConsumersPerStream);
    }
    if (onDemandStreamCountLimit < 0) {
      throw new IllegalArgumentException(
          "on-demand stream limit must not be negative: " + onDemandStreamCountLimit);
    }
  }

  /** The settings above with AWS's default consumer and on-demand stream limits. */
  public BrokerConfig(String defaultAccountId, String defaultRegion, Duration createStreamDelay,
      Duration deleteStreamDelay, int shardLimit, Duration shardIteratorTtl) {
    this(defaultAccountId, defaultRegion, createStreamDelay, deleteStreamDelay, shardLimit, shardIteratorTtl,
        DEFAULT_MAX_CONSUMERS_PER_STREAM, DEFAULT_ON_DEMAND_STREAM_COUNT_LIMIT);
  }

  /**
   * Account 000000000000 in us-east-1, streams ready after 500 ms, 500 shards, 5-minute
   * iterators, 20 consumers per stream, 50 on-demand streams.
   */
  public static BrokerConfig defaults() {
    return new BrokerConfig(
        "000000000000",
        "us-east-1",
        Duration.ofMillis(500),
        Duration.ofMillis(500),
        500,
        Duration.ofMinutes(5));
  }

  public BrokerConfig withStreamDelays(Duration create, Duration delete) {
    return new BrokerConfig(defaultAccountId, defaultRegion, create, delete, shardLimit, shardIteratorTtl,
        maxConsumersPerStream, onDemandStreamCountLimit);
  }

  public BrokerConfig withDefaultAccountId(String accountId) {
    return new BrokerConfig(accountId, defaultRegion, createStreamDelay, deleteStreamDelay, shardLimit,
        shardIteratorTtl, maxConsumersPerStream, onDemandStreamCountLimit);
  }

  public BrokerConfig withDefaultRegion(String region) {
    return new BrokerConfig(defaultAccountId, region, createStreamDelay, deleteStreamDelay, shardLimit,
        shardIteratorTtl, maxConsumersPerStream, onDemandStreamCountLimit);
  }

  public BrokerConfig withShardLimit(int limit) {
    return new BrokerConfig(defaultAccountId, defaultRegion, createStreamDelay, deleteStreamDelay, limit,
        shardIteratorTtl, maxConsumersPerStream, onDemandStreamCountLimit);
  }

  public BrokerConfig withMaxConsumersPerStream(int limit) {
    return new BrokerConfig(defaultAccountId, defaultRegion, createStreamDelay, deleteStreamDelay, shardLimit,
        shardIteratorTtl, limit, onDemandStreamCountLimit);
  }

  public BrokerConfig withOnDemandStreamCountLimit(int limit) {
    return new BrokerConfig(defaultAccountId, defaultRegion, createStreamDelay, deleteStreamDelay, shardLimit,
        shardIteratorTtl, maxConsumersPerStream, limit);
  }
}
