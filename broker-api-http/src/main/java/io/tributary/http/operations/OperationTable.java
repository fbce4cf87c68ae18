package io.tributary.http.operations;

import io.tributary.core.Broker;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The dispatch table: which {@code X-Amz-Target} operation runs which mapper and domain
 * operation. Built once at start-up.
 *
 * <p>It also knows every operation of the Kinesis API model (39 in the 2013-12-02 model), so the
 * protocol can tell an operation Tributary does not implement yet from a target that names no
 * Kinesis operation at all.
 *
 * <p>Immutable; thread-safe.
 */
public final class OperationTable {
  /** The service part of {@code X-Amz-Target}: the model's {@code targetPrefix}. */
  public static final String TARGET_PREFIX = "Kinesis_20131202";

  /** The operations of service-2.json for API version 2013-12-02. */
  private static final Set<String> MODEL_OPERATIONS = Set.of(
      "AddTagsToStream", "CreateStream", "DecreaseStreamRetentionPeriod", "DeleteResourcePolicy",
      "DeleteStream", "DeregisterStreamConsumer", "DescribeAccountSettings", "DescribeLimits",
      "DescribeStream", "DescribeStreamConsumer", "DescribeStreamSummary", "DisableEnhancedMonitoring",
      "EnableEnhancedMonitoring", "GetRecords", "GetResourcePolicy", "GetShardIterator",
      "IncreaseStreamRetentionPeriod", "ListShards", "ListStreamConsumers", "ListStreams",
      "ListTagsForResource", "ListTagsForStream", "MergeShards", "PutRecord", "PutRecords",
      "PutResourcePolicy", "RegisterStreamConsumer", "RemoveTagsFromStream", "SplitShard",
      "StartStreamEncryption", "StopStreamEncryption", "SubscribeToShard", "TagResource",
      "UntagResource", "UpdateAccountSettings", "UpdateMaxRecordSize", "UpdateShardCount",
      "UpdateStreamMode", "UpdateStreamWarmThroughput");

  private final Map<String, OperationBinding<?, ?>> bindings;
  private final Optional<SubscriptionBinding> subscription;

  private OperationTable(List<OperationBinding<?, ?>> bindings, Optional<SubscriptionBinding> subscription) {
    this.subscription = subscription;
    this.bindings = bindings.stream().collect(Collectors.toUnmodifiableMap(OperationBinding::name, Function.identity()));
    for (String name : this.bindings.keySet()) {
      if (!MODEL_OPERATIONS.contains(name)) {
        throw new IllegalArgumentException("not an operation of the Kinesis model: " + name);
      }
    }
  }

  /** Every operation of the model: SubscribeToShard's own binding, and the others. */
  public static OperationTable of(Broker broker) {
    return new OperationTable(unaryBindings(broker), Optional.of(SubscriptionBinding.of(broker.subscribeToShard())));
  }

  /** The operations answered with one body. */
  private static List<OperationBinding<?, ?>> unaryBindings(Broker broker) {
    return List.of(
        new OperationBinding<>("CreateStream", new CreateStreamMapper(), broker.createStream()),
        new OperationBinding<>("DeleteStream", new DeleteStreamMapper(), broker.deleteStream()),
        new OperationBinding<>("DescribeStream", new DescribeStreamMapper(), broker.describeStream()),
        new OperationBinding<>("DescribeStreamSummary", new DescribeStreamSummaryMapper(),
            broker.describeStreamSummary()),
        new OperationBinding<>("ListStreams", new ListStreamsMapper(), broker.listStreams()),
        new OperationBinding<>("ListShards", new ListShardsMapper(), broker.listShards()),
        new OperationBinding<>("PutRecord", new PutRecordMapper(), broker.putRecord()),
        new OperationBinding<>("PutRecords", new PutRecordsMapper(), broker.putRecords()),
        new OperationBinding<>("GetShardIterator", new GetShardIteratorMapper(), broker.getShardIterator()),
        new OperationBinding<>("GetRecords", new GetRecordsMapper(), broker.getRecords()),
        new OperationBinding<>("SplitShard", new SplitShardMapper(), broker.splitShard()),
        new OperationBinding<>("MergeShards", new MergeShardsMapper(), broker.mergeShards()),
        new OperationBinding<>("UpdateShardCount", new UpdateShardCountMapper(), broker.updateShardCount()),
        new OperationBinding<>("IncreaseStreamRetentionPeriod", new RetentionPeriodMappers.Increase(),
            broker.increaseStreamRetentionPeriod()),
        new OperationBinding<>("DecreaseStreamRetentionPeriod", new RetentionPeriodMappers.Decrease(),
            broker.decreaseStreamRetentionPeriod()),
        new OperationBinding<>("AddTagsToStream", new AddTagsToStreamMapper(), broker.addTagsToStream()),
        new OperationBinding<>("RemoveTagsFromStream", new RemoveTagsFromStreamMapper(),
            broker.removeTagsFromStream()),
        new OperationBinding<>("ListTagsForStream", new ListTagsForStreamMapper(), broker.listTagsForStream()),
        new OperationBinding<>("TagResource", new TagResourceMapper(), broker.tagResource()),
        new OperationBinding<>("UntagResource", new UntagResourceMapper(), broker.untagResource()),
        new OperationBinding<>("ListTagsForResource", new ListTagsForResourceMapper(), broker.listTagsForResource()),
        new OperationBinding<>("RegisterStreamConsumer", new RegisterStreamConsumerMapper(),
            broker.registerStreamConsumer()),
        new OperationBinding<>("DeregisterStreamConsumer", new DeregisterStreamConsumerMapper(),
            broker.deregisterStreamConsumer()),
        new OperationBinding<>("DescribeStreamConsumer", new DescribeStreamConsumerMapper(),
            broker.describeStreamConsumer()),
        new OperationBinding<>("ListStreamConsumers", new ListStreamConsumersMapper(), broker.listStreamConsumers()),
        new OperationBinding<>("StartStreamEncryption", new StreamEncryptionMappers.Start(),
            broker.startStreamEncryption()),
        new OperationBinding<>("StopStreamEncryption", new StreamEncryptionMappers.Stop(),
            broker.stopStreamEncryption()),
        new OperationBinding<>("EnableEnhancedMonitoring", new EnhancedMonitoringMappers.Enable(),
            broker.enableEnhancedMonitoring()),
        new OperationBinding<>("DisableEnhancedMonitoring", new EnhancedMonitoringMappers.Disable(),
            broker.disableEnhancedMonitoring()),
        new OperationBinding<>("DescribeLimits", new DescribeLimitsMapper(), broker.describeLimits()),
        new OperationBinding<>("DescribeAccountSettings", new AccountSettingsMappers.Describe(),
            broker.describeAccountSettings()),
        new OperationBinding<>("UpdateAccountSettings", new AccountSettingsMappers.Update(),
            broker.updateAccountSettings()),
        new OperationBinding<>("PutResourcePolicy", new PutResourcePolicyMapper(), broker.putResourcePolicy()),
        new OperationBinding<>("GetResourcePolicy", new GetResourcePolicyMapper(), broker.getResourcePolicy()),
        new OperationBinding<>("DeleteResourcePolicy", new DeleteResourcePolicyMapper(),
            broker.deleteResourcePolicy()),
        new OperationBinding<>("UpdateMaxRecordSize", new UpdateMaxRecordSizeMapper(), broker.updateMaxRecordSize()),
        new OperationBinding<>("UpdateStreamWarmThroughput", new UpdateStreamWarmThroughputMapper(),
            broker.updateStreamWarmThroughput()),
        new OperationBinding<>("UpdateStreamMode", new UpdateStreamModeMapper(), broker.updateStreamMode()));
  }

  /** A table over the given bindings, for tests that bring their own operations. */
  public static OperationTable of(List<OperationBinding<?, ?>> bindings) {
    return new OperationTable(bindings, Optional.empty());
  }

  /** The same table with SubscribeToShard served by {@code binding}, for tests. */
  public OperationTable withSubscription(SubscriptionBinding binding) {
    return new OperationTable(List.copyOf(bindings.values()), Optional.of(binding));
  }

  /** Whether the Kinesis API model has an operation of this name (implemented or not). */
  public static boolean isModelOperation(String name) {
    return MODEL_OPERATIONS.contains(name);
  }

  /** The binding of an implemented operation answered with one body. */
  public Optional<OperationBinding<?, ?>> binding(String name) {
    return Optional.ofNullable(bindings.get(name));
  }

  /** SubscribeToShard's binding, if the table serves it. */
  public Optional<SubscriptionBinding> subscription() {
    return subscription;
  }
}
