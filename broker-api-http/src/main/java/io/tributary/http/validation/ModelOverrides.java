package io.tributary.http.validation;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where Tributary's validation departs from the published model, each with its reason. Stateless
 * constants; thread-safe.
 *
 * <p>The published model (botocore's {@code service-2.json}) is the source of truth for which
 * members exist and what constrains them. It does not say in which order AWS checks members or
 * prints enum values: AWS's order comes from its internal model and is visible only in its
 * messages. Where kinesalite recorded that order against the real service, it is reproduced here;
 * everywhere else the model's order is used.
 *
 * <p>The size of a record's {@code Data} is not overridden: the validator applies the model's
 * ceiling ({@code Data.max = 10485760}, the most {@code UpdateMaxRecordSize} can raise a stream
 * to), and PutRecord and PutRecords enforce each stream's own {@code MaxRecordSizeInKiB} (1 MiB
 * unless raised) with the same ValidationException text, which only they can know.
 */
final class ModelOverrides {

  /**
   * The order in which AWS checks the members of these structures, as recorded by kinesalite 3.3.3
   * in {@code validations/<operation>.js}. Its tests (github.com/mhart/kinesalite, {@code
   * test/putRecord.js}, {@code test/getShardIterator.js}, ...) assert that order in AWS's own
   * messages, e.g. {@code sequenceNumberForOrdering, partitionKey, explicitHashKey, data,
   * streamName} for PutRecord. Members added to the model since (StreamARN, StreamId,
   * ShardFilter, ...) follow in model order: there is no evidence of where AWS puts them.
   */
  static final Map<String, List<String>> AWS_MEMBER_ORDER = Map.ofEntries(
      Map.entry("AddTagsToStreamInput", List.of("Tags", "StreamName")),
      Map.entry("CreateStreamInput", List.of("ShardCount", "StreamName")),
      Map.entry("DecreaseStreamRetentionPeriodInput", List.of("RetentionPeriodHours", "StreamName")),
      Map.entry("DeleteStreamInput", List.of("StreamName")),
      Map.entry("DescribeStreamInput", List.of("Limit", "ExclusiveStartShardId", "StreamName")),
      Map.entry("DescribeStreamSummaryInput", List.of("StreamName")),
      Map.entry("GetRecordsInput", List.of("Limit", "ShardIterator")),
      Map.entry("GetShardIteratorInput", List.of(
          "ShardId", "ShardIteratorType", "StartingSequenceNumber", "StreamName", "Timestamp")),
      Map.entry("IncreaseStreamRetentionPeriodInput", List.of("RetentionPeriodHours", "StreamName")),
      Map.entry("ListShardsInput", List.of(
          "ExclusiveStartShardId", "MaxResults", "NextToken", "StreamCreationTimestamp",
          "StreamName")),
      Map.entry("ListStreamsInput", List.of("Limit", "ExclusiveStartStreamName")),
      Map.entry("ListTagsForStreamInput", List.of("Limit", "ExclusiveStartTagKey", "StreamName")),
      Map.entry("MergeShardsInput", List.of("ShardToMerge", "AdjacentShardToMerge", "StreamName")),
      Map.entry("PutRecordInput", List.of(
          "SequenceNumberForOrdering", "PartitionKey", "ExplicitHashKey", "Data", "StreamName")),
      Map.entry("PutRecordsInput", List.of("Records", "StreamName")),
      Map.entry("PutRecordsRequestEntry", List.of("PartitionKey", "ExplicitHashKey", "Data")),
      Map.entry("RemoveTagsFromStreamInput", List.of("TagKeys", "StreamName")),
      Map.entry("SplitShardInput", List.of("NewStartingHashKey", "StreamName", "ShardToSplit")));

  /**
   * The order in which AWS prints these enums' values, from kinesalite 3.3.3
   * {@code validations/getShardIterator.js} line 12. The model lists them as AT_SEQUENCE_NUMBER,
   * AFTER_SEQUENCE_NUMBER, TRIM_HORIZON, LATEST, AT_TIMESTAMP.
   */
  static final Map<String, List<String>> AWS_ENUM_ORDER = Map.of(
      "ShardIteratorType",
      List.of("AFTER_SEQUENCE_NUMBER", "LATEST", "AT_TIMESTAMP", "AT_SEQUENCE_NUMBER", "TRIM_HORIZON"));

  private ModelOverrides() {}

  /**
   * The members of {@code structure} in the order AWS checks them.
   *
   * @throws IllegalStateException if an override names a member the model no longer has
   */
  static List<String> memberOrder(String structure, List<String> modelOrder) {
    List<String> observed = AWS_MEMBER_ORDER.getOrDefault(structure, List.of());
    if (!modelOrder.containsAll(observed)) {
      throw new IllegalStateException(
          "AWS member order for " + structure + " names members the model lacks: " + observed);
    }
    Set<String> ordered = new LinkedHashSet<>(observed);
    ordered.addAll(modelOrder);
    return new ArrayList<>(ordered);
  }

  /**
   * The values of enum {@code shape} in the order AWS prints them.
   *
   * @throws IllegalStateException if an override's values differ from the model's
   */
  static List<String> enumOrder(String shape, List<String> modelValues) {
    List<String> observed = AWS_ENUM_ORDER.get(shape);
    if (observed == null) {
      return modelValues;
    }
    if (!new HashSet<>(observed).equals(new HashSet<>(modelValues))) {
      throw new IllegalStateException(
          "AWS enum order for " + shape + " differs from the model's values: " + modelValues);
    }
    return observed;
  }
}
