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
 */
public record BrokerConfig(
    String defaultAccountId,
    String defaultRegion,
    Duration createStreamDelay,
    Duration deleteStreamDelay,
    int shardLimit,
    Duration shardIteratorTtl) {

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
  }

  /** Account 000000000000 in us-east-1, streams ready after 500 ms, 500 shards, 5-minute iterators. */
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
    return new BrokerConfig(defaultAccountId, defaultRegion, create, delete, shardLimit, shardIteratorTtl);
  }

  public BrokerConfig withDefaultAccountId(String accountId) {
    return new BrokerConfig(accountId, defaultRegion, createStreamDelay, deleteStreamDelay, shardLimit, shardIteratorTtl);
  }

  public BrokerConfig withDefaultRegion(String region) {
    return new BrokerConfig(defaultAccountId, region, createStreamDelay, deleteStreamDelay, shardLimit, shardIteratorTtl);
  }

  public BrokerConfig withShardLimit(int limit) {
    return new BrokerConfig(defaultAccountId, defaultRegion, createStreamDelay, deleteStreamDelay, limit, shardIteratorTtl);
  }
}
