package io.tributary.core;

import io.tributary.core.accounts.AccountSettingsRegistry;
import io.tributary.core.operations.AddTagsToStream;
import io.tributary.core.operations.CreateStream;
import io.tributary.core.operations.DecreaseStreamRetentionPeriod;
import io.tributary.core.operations.DeleteResourcePolicy;
import io.tributary.core.operations.DeleteStream;
import io.tributary.core.operations.DeregisterStreamConsumer;
import io.tributary.core.operations.DescribeAccountSettings;
import io.tributary.core.operations.DescribeLimits;
import io.tributary.core.operations.DescribeStream;
import io.tributary.core.operations.DescribeStreamConsumer;
import io.tributary.core.operations.DescribeStreamSummary;
import io.tributary.core.operations.DisableEnhancedMonitoring;
import io.tributary.core.operations.EnableEnhancedMonitoring;
import io.tributary.core.operations.GetRecords;
import io.tributary.core.operations.GetResourcePolicy;
import io.tributary.core.operations.GetShardIterator;
import io.tributary.core.operations.IncreaseStreamRetentionPeriod;
import io.tributary.core.operations.ListShards;
import io.tributary.core.operations.ListStreamConsumers;
import io.tributary.core.operations.ListStreams;
import io.tributary.core.operations.ListTagsForResource;
import io.tributary.core.operations.ListTagsForStream;
import io.tributary.core.operations.MergeShards;
import io.tributary.core.operations.PutRecord;
import io.tributary.core.operations.PutRecords;
import io.tributary.core.operations.PutResourcePolicy;
import io.tributary.core.operations.RegisterStreamConsumer;
import io.tributary.core.operations.RemoveTagsFromStream;
import io.tributary.core.operations.SplitShard;
import io.tributary.core.operations.StartStreamEncryption;
import io.tributary.core.operations.StopStreamEncryption;
import io.tributary.core.operations.SubscribeToShard;
import io.tributary.core.operations.TagResource;
import io.tributary.core.operations.UntagResource;
import io.tributary.core.operations.UpdateAccountSettings;
import io.tributary.core.operations.UpdateMaxRecordSize;
import io.tributary.core.operations.UpdateShardCount;
import io.tributary.core.operations.UpdateStreamMode;
import io.tributary.core.operations.UpdateStreamWarmThroughput;
import io.tributary.core.streams.AppendNotifier;
import io.tributary.core.streams.PageTokens;
import io.tributary.core.streams.RetentionEnforcer;
import io.tributary.core.streams.ShardIterators;
import io.tributary.core.streams.StreamRegistry;
import io.tributary.core.streams.TokenSigner;
import io.tributary.storage.StreamStore;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;

/**
 * The Kinesis domain wired together over one {@link StreamStore}: every operation, sharing one
 * stream registry, one token secret and one clock.
 *
 * <p>The token secret is made on first start and kept in the catalog, so shard iterators and
 * page tokens stay valid across restarts.
 *
 * <p>Thread-safe.
 */
public final class Broker {
  private static final String SECRET_KEY = "broker/token-secret";
  /** ListShards, ListStreams and ListStreamConsumers tokens expire after 300 seconds, as AWS's do. */
  private static final Duration PAGE_TOKEN_TTL = Duration.ofSeconds(300);

  private final BrokerConfig config;
  private final StreamRegistry registry;
  private final CreateStream createStream;
  private final DeleteStream deleteStream;
  private final DescribeStream describeStream;
  private final DescribeStreamSummary describeStreamSummary;
  private final ListStreams listStreams;
  private final ListShards listShards;
  private final PutRecord putRecord;
  private final PutRecords putRecords;
  private final GetShardIterator getShardIterator;
  private final GetRecords getRecords;
  private final SubscribeToShard subscribeToShard;
  private final AddTagsToStream addTagsToStream;
  private final RemoveTagsFromStream removeTagsFromStream;
  private final ListTagsForStream listTagsForStream;
  private final TagResource tagResource;
  private final UntagResource untagResource;
  private final ListTagsForResource listTagsForResource;
  private final RegisterStreamConsumer registerStreamConsumer;
  private final DeregisterStreamConsumer deregisterStreamConsumer;
  private final DescribeStreamConsumer describeStreamConsumer;
  private final ListStreamConsumers listStreamConsumers;
  private final StartStreamEncryption startStreamEncryption;
  private final StopStreamEncryption stopStreamEncryption;
  private final EnableEnhancedMonitoring enableEnhancedMonitoring;
  private final DisableEnhancedMonitoring disableEnhancedMonitoring;
  private final DescribeLimits describeLimits;
  private final DescribeAccountSettings describeAccountSettings;
  private final UpdateAccountSettings updateAccountSettings;
  private final PutResourcePolicy putResourcePolicy;
  private final GetResourcePolicy getResourcePolicy;
  private final DeleteResourcePolicy deleteResourcePolicy;
  private final UpdateMaxRecordSize updateMaxRecordSize;
  private final UpdateStreamWarmThroughput updateStreamWarmThroughput;
  private final UpdateStreamMode updateStreamMode;
  private final SplitShard splitShard;
  private final MergeShards mergeShards;
  private final UpdateShardCount updateShardCount;
  private final IncreaseStreamRetentionPeriod increaseStreamRetentionPeriod;
  private final DecreaseStreamRetentionPeriod decreaseStreamRetentionPeriod;
  private final RetentionEnforcer retention;

  public Broker(StreamStore store, BrokerConfig config, Clock clock) {
    this.config = config;
    this.registry = new StreamRegistry(store, clock);
    AccountSettingsRegistry accounts = new AccountSettingsRegistry(store.catalog());
    TokenSigner signer = new TokenSigner(secret(store));
    ShardIterators iterators = new ShardIterators(signer, clock, config.shardIteratorTtl());
    PageTokens pageTokens = new PageTokens(signer, clock, PAGE_TOKEN_TTL);
    AppendNotifier appends = new AppendNotifier();
    this.createStream = new CreateStream(registry, accounts, config, clock);
    this.deleteStream = new DeleteStream(registry, config, clock);
    this.describeStream = new DescribeStream(registry, clock);
    this.describeStreamSummary = new DescribeStreamSummary(registry, clock);
    this.listStreams = new ListStreams(registry, pageTokens, clock);
    this.listShards = new ListShards(registry, pageTokens, clock);
    this.putRecord = new PutRecord(registry, store, appends, clock);
    this.putRecords = new PutRecords(registry, store, appends, clock);
    this.getShardIterator = new GetShardIterator(registry, store, iterators, clock);
    this.getRecords = new GetRecords(registry, store, iterators, clock);
    this.subscribeToShard = new SubscribeToShard(registry, store, appends, clock);
    this.addTagsToStream = new AddTagsToStream(registry, clock);
    this.removeTagsFromStream = new RemoveTagsFromStream(registry, clock);
    this.listTagsForStream = new ListTagsForStream(registry);
    this.tagResource = new TagResource(registry, clock);
    this.untagResource = new UntagResource(registry, clock);
    this.listTagsForResource = new ListTagsForResource(registry, clock);
    this.registerStreamConsumer = new RegisterStreamConsumer(registry, config, clock);
    this.deregisterStreamConsumer = new DeregisterStreamConsumer(registry, config, clock);
    this.describeStreamConsumer = new DescribeStreamConsumer(registry, clock);
    this.listStreamConsumers = new ListStreamConsumers(registry, pageTokens, clock);
    this.startStreamEncryption = new StartStreamEncryption(registry, config, clock);
    this.stopStreamEncryption = new StopStreamEncryption(registry, config, clock);
    this.enableEnhancedMonitoring = new EnableEnhancedMonitoring(registry, clock);
    this.disableEnhancedMonitoring = new DisableEnhancedMonitoring(registry, clock);
    this.describeLimits = new DescribeLimits(registry, config);
    this.describeAccountSettings = new DescribeAccountSettings(accounts, clock);
    this.updateAccountSettings = new UpdateAccountSettings(accounts, clock);
    this.putResourcePolicy = new PutResourcePolicy(registry, clock);
    this.getResourcePolicy = new GetResourcePolicy(registry, clock);
    this.deleteResourcePolicy = new DeleteResourcePolicy(registry, clock);
    this.updateMaxRecordSize = new UpdateMaxRecordSize(registry, clock);
    this.updateStreamWarmThroughput = new UpdateStreamWarmThroughput(registry, accounts, config, clock);
    this.updateStreamMode = new UpdateStreamMode(registry, accounts, config, clock);
    this.splitShard = new SplitShard(registry, store, appends, config, clock);
    this.mergeShards = new MergeShards(registry, store, appends, config, clock);
    this.updateShardCount = new UpdateShardCount(registry, store, appends, config, clock);
    this.retention = new RetentionEnforcer(registry, store, clock);
    this.increaseStreamRetentionPeriod = new IncreaseStreamRetentionPeriod(registry, retention, clock);
    this.decreaseStreamRetentionPeriod = new DecreaseStreamRetentionPeriod(registry, retention, clock);
  }

  private static byte[] secret(StreamStore store) {
    return store.catalog().get(SECRET_KEY).orElseGet(() -> {
      byte[] secret = new byte[32];
      new SecureRandom().nextBytes(secret);
      store.catalog().put(SECRET_KEY, secret);
      return secret;
    });
  }

  public BrokerConfig config() {
    return config;
  }

  /**
   * Background upkeep, to call every few seconds from one thread: forgets deleted streams whose
   * DELETING period is over and enforces retention (trims expired records, removes expired
   * closed shards).
   */
  public void runMaintenance() {
    registry.removeExpired();
    retention.enforce();
  }

  public CreateStream createStream() {
    return createStream;
  }

  public DeleteStream deleteStream() {
    return deleteStream;
  }

  public DescribeStream describeStream() {
    return describeStream;
  }

  public DescribeStreamSummary describeStreamSummary() {
    return describeStreamSummary;
  }

  public ListStreams listStreams() {
    return listStreams;
  }

  public ListShards listShards() {
    return listShards;
  }

  public PutRecord putRecord() {
    return putRecord;
  }

  public PutRecords putRecords() {
    return putRecords;
  }

  public GetShardIterator getShardIterator() {
    return getShardIterator;
  }

  public GetRecords getRecords() {
    return getRecords;
  }

  public SubscribeToShard subscribeToShard() {
    return subscribeToShard;
  }

  public AddTagsToStream addTagsToStream() {
    return addTagsToStream;
  }

  public RemoveTagsFromStream removeTagsFromStream() {
    return removeTagsFromStream;
  }

  public ListTagsForStream listTagsForStream() {
    return listTagsForStream;
  }

  public TagResource tagResource() {
    return tagResource;
  }

  public UntagResource untagResource() {
    return untagResource;
  }

  public ListTagsForResource listTagsForResource() {
    return listTagsForResource;
  }

  public RegisterStreamConsumer registerStreamConsumer() {
    return registerStreamConsumer;
  }

  public DeregisterStreamConsumer deregisterStreamConsumer() {
    return deregisterStreamConsumer;
  }

  public DescribeStreamConsumer describeStreamConsumer() {
    return describeStreamConsumer;
  }

  public ListStreamConsumers listStreamConsumers() {
    return listStreamConsumers;
  }

  public StartStreamEncryption startStreamEncryption() {
    return startStreamEncryption;
  }

  public StopStreamEncryption stopStreamEncryption() {
    return stopStreamEncryption;
  }

  public EnableEnhancedMonitoring enableEnhancedMonitoring() {
    return enableEnhancedMonitoring;
  }

  public DisableEnhancedMonitoring disableEnhancedMonitoring() {
    return disableEnhancedMonitoring;
  }

  public DescribeLimits describeLimits() {
    return describeLimits;
  }

  public DescribeAccountSettings describeAccountSettings() {
    return describeAccountSettings;
  }

  public UpdateAccountSettings updateAccountSettings() {
    return updateAccountSettings;
  }

  public PutResourcePolicy putResourcePolicy() {
    return putResourcePolicy;
  }

  public GetResourcePolicy getResourcePolicy() {
    return getResourcePolicy;
  }

  public DeleteResourcePolicy deleteResourcePolicy() {
    return deleteResourcePolicy;
  }

  public UpdateMaxRecordSize updateMaxRecordSize() {
    return updateMaxRecordSize;
  }

  public UpdateStreamWarmThroughput updateStreamWarmThroughput() {
    return updateStreamWarmThroughput;
  }

  public UpdateStreamMode updateStreamMode() {
    return updateStreamMode;
  }

  public SplitShard splitShard() {
    return splitShard;
  }

  public MergeShards mergeShards() {
    return mergeShards;
  }

  public UpdateShardCount updateShardCount() {
    return updateShardCount;
  }

  public IncreaseStreamRetentionPeriod increaseStreamRetentionPeriod() {
    return increaseStreamRetentionPeriod;
  }

  public DecreaseStreamRetentionPeriod decreaseStreamRetentionPeriod() {
    return decreaseStreamRetentionPeriod;
  }
}
