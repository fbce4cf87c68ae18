package io.tributary.http.validation;

import static io.tributary.http.validation.ValidationAssertions.assertValid;
import static io.tributary.http.validation.ValidationAssertions.assertValidation;

import org.junit.jupiter.api.Test;

/**
 * Constraint violations are reported in AWS's exact words and order. Where a test reproduces a
 * message kinesalite's tests assert against AWS, it says so.
 */
class ConstraintViolationTest {
  private static final String NAME_PATTERN = "[a-zA-Z0-9_.-]+";
  private static final String NAME_129 = "a".repeat(129);

  @Test
  void missingRequiredMemberMustNotBeNull() {
    assertValidation("CreateStream", "{}",
        "1 validation error detected: Value null at 'streamName' failed to satisfy constraint:"
            + " Member must not be null");
  }

  @Test
  void stringShorterThanItsMinimumLength() {
    assertValidation("DescribeStreamSummary", "{\"StreamName\": \"\"}",
        "2 validation errors detected: "
            + "Value '' at 'streamName' failed to satisfy constraint: Member must satisfy regular"
            + " expression pattern: " + NAME_PATTERN + "; "
            + "Value '' at 'streamName' failed to satisfy constraint: Member must have length"
            + " greater than or equal to 1");
  }

  @Test
  void stringLongerThanItsMaximumLength() {
    assertValidation("DeleteStream", "{\"StreamName\": \"" + NAME_129 + "\"}",
        "1 validation error detected: Value '" + NAME_129 + "' at 'streamName' failed to satisfy"
            + " constraint: Member must have length less than or equal to 128");
  }

  @Test
  void stringNotMatchingItsPatternQuotesThePatternVerbatim() {
    assertValidation("DescribeStreamConsumer", "{\"ConsumerARN\": \"arn:nope\"}",
        "1 validation error detected: Value 'arn:nope' at 'consumerARN' failed to satisfy"
            + " constraint: Member must satisfy regular expression pattern: "
            + "^(arn):aws.*:kinesis:.*:\\d{12}:.*stream\\/[a-zA-Z0-9_.-]+\\/consumer\\/"
            + "[a-zA-Z0-9_.-]+:[0-9]+");
  }

  @Test
  void patternMustMatchTheWholeValue() {
    assertValidation("SplitShard", "{\"StreamName\": \"s\", \"ShardToSplit\": \"shardId-0\","
            + " \"NewStartingHashKey\": \"12x\"}",
        "1 validation error detected: Value '12x' at 'newStartingHashKey' failed to satisfy"
            + " constraint: Member must satisfy regular expression pattern: 0|([1-9]\\d{0,38})");
  }

  @Test
  void integerBelowItsMinimum() {
    assertValidation("DescribeStream", "{\"StreamName\": \"s\", \"Limit\": 0}",
        "1 validation error detected: Value '0' at 'limit' failed to satisfy constraint:"
            + " Member must have value greater than or equal to 1");
  }

  @Test
  void integerAboveItsMaximum() {
    assertValidation("ListShards", "{\"StreamName\": \"s\", \"MaxResults\": 10001}",
        "1 validation error detected: Value '10001' at 'maxResults' failed to satisfy"
            + " constraint: Member must have value less than or equal to 10000");
  }

  @Test
  void integerRangeBoundsAreInclusive() {
    assertValid("CreateStream", "{\"StreamName\": \"s\", \"MaxRecordSizeInKiB\": 1024}");
    assertValid("CreateStream", "{\"StreamName\": \"s\", \"MaxRecordSizeInKiB\": 10240}");
    assertValidation("CreateStream", "{\"StreamName\": \"s\", \"MaxRecordSizeInKiB\": 10241}",
        "1 validation error detected: Value '10241' at 'maxRecordSizeInKiB' failed to satisfy"
            + " constraint: Member must have value less than or equal to 10240");
  }

  @Test
  void enumValueOutsideTheSetListsTheSetInAwsOrder() {
    // AWS's order, not the model's (kinesalite validations/getShardIterator.js line 12).
    assertValidation("GetShardIterator",
        "{\"ShardId\": \"shardId-0\", \"ShardIteratorType\": \"OLDEST\"}",
        "1 validation error detected: Value 'OLDEST' at 'shardIteratorType' failed to satisfy"
            + " constraint: Member must satisfy enum value set: [AFTER_SEQUENCE_NUMBER, LATEST,"
            + " AT_TIMESTAMP, AT_SEQUENCE_NUMBER, TRIM_HORIZON]");
  }

  @Test
  void enumWithoutRecordedAwsOrderListsTheModelOrder() {
    assertValidation("StartStreamEncryption",
        "{\"StreamName\": \"s\", \"EncryptionType\": \"AES\", \"KeyId\": \"k\"}",
        "1 validation error detected: Value 'AES' at 'encryptionType' failed to satisfy"
            + " constraint: Member must satisfy enum value set: [NONE, KMS]");
  }

  @Test
  void emptyListIsShorterThanItsMinimum() {
    assertValidation("RemoveTagsFromStream", "{\"StreamName\": \"s\", \"TagKeys\": []}",
        "1 validation error detected: Value '[]' at 'tagKeys' failed to satisfy constraint:"
            + " Member must have length greater than or equal to 1");
  }

  @Test
  void listLongerThanItsMaximumPrintsItsElements() {
    StringBuilder keys = new StringBuilder();
    StringBuilder printed = new StringBuilder();
    for (int i = 0; i < 51; i++) {
      keys.append(i == 0 ? "" : ", ").append('"').append('k').append(i).append('"');
      printed.append(i == 0 ? "" : ", ").append('k').append(i);
    }
    assertValidation("UntagResource", "{\"ResourceARN\": \"arn:aws:kinesis:us-east-1:"
            + "123456789012:stream/s\", \"TagKeys\": [" + keys + "]}",
        "1 validation error detected: Value '[" + printed + "]' at 'tagKeys' failed to satisfy"
            + " constraint: Member must have length less than or equal to 50");
  }

  @Test
  void listElementOutsideItsConstraintsIsReportedOnceForTheWholeList() {
    assertValidation("RemoveTagsFromStream",
        "{\"StreamName\": \"s\", \"TagKeys\": [\"a\", \"\", \"" + "k".repeat(129) + "\"]}",
        "1 validation error detected: Value '[a, , " + "k".repeat(129) + "]' at 'tagKeys' failed"
            + " to satisfy constraint: Member must satisfy constraint: [Member must have length"
            + " less than or equal to 128, Member must have length greater than or equal to 1]");
  }

  @Test
  void listElementOutsideItsEnumListsTheEnumInsideTheConstraint() {
    assertValidation("EnableEnhancedMonitoring",
        "{\"StreamName\": \"s\", \"ShardLevelMetrics\": [\"IncomingBytes\", \"Bogus\"]}",
        "1 validation error detected: Value '[IncomingBytes, Bogus]' at 'shardLevelMetrics'"
            + " failed to satisfy constraint: Member must satisfy constraint: [Member must"
            + " satisfy enum value set: [IncomingBytes, IncomingRecords, OutgoingBytes,"
            + " OutgoingRecords, WriteProvisionedThroughputExceeded,"
            + " ReadProvisionedThroughputExceeded, IteratorAgeMilliseconds, ALL]]");
  }

  @Test
  void emptyMapIsShorterThanItsMinimum() {
    // As kinesalite's test/addTagsToStream.js asserts against AWS.
    assertValidation("AddTagsToStream", "{\"StreamName\": \"\", \"Tags\": {}}",
        "3 validation errors detected: "
            + "Value '{}' at 'tags' failed to satisfy constraint: Member must have length greater"
            + " than or equal to 1; "
            + "Value '' at 'streamName' failed to satisfy constraint: Member must satisfy regular"
            + " expression pattern: " + NAME_PATTERN + "; "
            + "Value '' at 'streamName' failed to satisfy constraint: Member must have length"
            + " greater than or equal to 1");
  }

  @Test
  void mapKeyOutsideItsConstraintsIsReportedForTheWholeMap() {
    assertValidation("AddTagsToStream", "{\"StreamName\": \"s\", \"Tags\": {\"a\": \"1\","
            + " \"\": \"2\"}}",
        "1 validation error detected: Value '{a=1, =2}' at 'tags' failed to satisfy constraint:"
            + " Map keys must satisfy constraint: [Member must have length less than or equal to"
            + " 128, Member must have length greater than or equal to 1]");
  }

  @Test
  void mapValueOutsideItsConstraintsIsReportedForTheWholeMap() {
    String value = "v".repeat(257);
    assertValidation("TagResource", "{\"ResourceARN\": \"arn:aws:kinesis:us-east-1:123456789012:"
            + "stream/s\", \"Tags\": {\"k\": \"" + value + "\"}}",
        "1 validation error detected: Value '{k=" + value + "}' at 'tags' failed to satisfy"
            + " constraint: Map value must satisfy constraint: [Member must have length less than"
            + " or equal to 256, Member must have length greater than or equal to 0]");
  }

  @Test
  void mapWithBadKeysAndValuesReportsKeysFirst() {
    String value = "v".repeat(257);
    assertValidation("AddTagsToStream",
        "{\"StreamName\": \"s\", \"Tags\": {\"\": \"" + value + "\"}}",
        "2 validation errors detected: "
            + "Value '{=" + value + "}' at 'tags' failed to satisfy constraint: Map keys must"
            + " satisfy constraint: [Member must have length less than or equal to 128, Member"
            + " must have length greater than or equal to 1]; "
            + "Value '{=" + value + "}' at 'tags' failed to satisfy constraint: Map value must"
            + " satisfy constraint: [Member must have length less than or equal to 256, Member"
            + " must have length greater than or equal to 0]");
  }

  @Test
  void nestedStructureMembersArePathedThroughTheirParent() {
    assertValidation("ListShards", "{\"StreamName\": \"s\", \"ShardFilter\": {}}",
        "1 validation error detected: Value null at 'shardFilter.type' failed to satisfy"
            + " constraint: Member must not be null");
    assertValidation("ListShards", "{\"StreamName\": \"s\", \"ShardFilter\": {\"Type\": \"X\","
            + " \"ShardId\": \"\"}}",
        "3 validation errors detected: "
            + "Value 'X' at 'shardFilter.type' failed to satisfy constraint: Member must satisfy"
            + " enum value set: [AFTER_SHARD_ID, AT_TRIM_HORIZON, FROM_TRIM_HORIZON, AT_LATEST,"
            + " AT_TIMESTAMP, FROM_TIMESTAMP]; "
            + "Value '' at 'shardFilter.shardId' failed to satisfy constraint: Member must"
            + " satisfy regular expression pattern: " + NAME_PATTERN + "; "
            + "Value '' at 'shardFilter.shardId' failed to satisfy constraint: Member must have"
            + " length greater than or equal to 1");
  }

  @Test
  void severalViolationsAreCountedAndJoinedInAwsMemberOrder() {
    // As kinesalite's test/getShardIterator.js asserts against AWS (AT_TIMESTAMP added since).
    assertValidation("GetShardIterator", "{\"StreamName\": \"\", \"ShardIteratorType\": \"\","
            + " \"ShardId\": \"\", \"StartingSequenceNumber\": \"\"}",
        "6 validation errors detected: "
            + "Value '' at 'shardId' failed to satisfy constraint: Member must satisfy regular"
            + " expression pattern: " + NAME_PATTERN + "; "
            + "Value '' at 'shardId' failed to satisfy constraint: Member must have length greater"
            + " than or equal to 1; "
            + "Value '' at 'shardIteratorType' failed to satisfy constraint: Member must satisfy"
            + " enum value set: [AFTER_SEQUENCE_NUMBER, LATEST, AT_TIMESTAMP, AT_SEQUENCE_NUMBER,"
            + " TRIM_HORIZON]; "
            + "Value '' at 'startingSequenceNumber' failed to satisfy constraint: Member must"
            + " satisfy regular expression pattern: 0|([1-9]\\d{0,128}); "
            + "Value '' at 'streamName' failed to satisfy constraint: Member must satisfy regular"
            + " expression pattern: " + NAME_PATTERN + "; "
            + "Value '' at 'streamName' failed to satisfy constraint: Member must have length"
            + " greater than or equal to 1");
  }

  @Test
  void putRecordViolationsFollowAwsOrderNotModelOrder() {
    // As kinesalite's test/putRecord.js asserts against AWS.
    assertValidation("PutRecord", "{\"StreamName\": \"\", \"PartitionKey\": \"\", \"Data\": \"\","
            + " \"ExplicitHashKey\": \"\", \"SequenceNumberForOrdering\": \"\"}",
        "5 validation errors detected: "
            + "Value '' at 'sequenceNumberForOrdering' failed to satisfy constraint: Member must"
            + " satisfy regular expression pattern: 0|([1-9]\\d{0,128}); "
            + "Value '' at 'partitionKey' failed to satisfy constraint: Member must have length"
            + " greater than or equal to 1; "
            + "Value '' at 'explicitHashKey' failed to satisfy constraint: Member must satisfy"
            + " regular expression pattern: 0|([1-9]\\d{0,38}); "
            + "Value '' at 'streamName' failed to satisfy constraint: Member must satisfy regular"
            + " expression pattern: " + NAME_PATTERN + "; "
            + "Value '' at 'streamName' failed to satisfy constraint: Member must have length"
            + " greater than or equal to 1");
  }

  @Test
  void membersAddedSinceKinesaliteFollowTheRecordedOnes() {
    assertValidation("ListStreams", "{\"NextToken\": \"\", \"ExclusiveStartStreamName\": \"\","
            + " \"Limit\": 0}",
        "4 validation errors detected: "
            + "Value '0' at 'limit' failed to satisfy constraint: Member must have value greater"
            + " than or equal to 1; "
            + "Value '' at 'exclusiveStartStreamName' failed to satisfy constraint: Member must"
            + " satisfy regular expression pattern: " + NAME_PATTERN + "; "
            + "Value '' at 'exclusiveStartStreamName' failed to satisfy constraint: Member must"
            + " have length greater than or equal to 1; "
            + "Value '' at 'nextToken' failed to satisfy constraint: Member must have length"
            + " greater than or equal to 1");
  }

  @Test
  void laterOperationSplitShardIsValidatedInAwsOrder() {
    assertValidation("SplitShard", "{}",
        "2 validation errors detected: "
            + "Value null at 'newStartingHashKey' failed to satisfy constraint: Member must not be"
            + " null; "
            + "Value null at 'shardToSplit' failed to satisfy constraint: Member must not be null");
    assertValid("SplitShard", "{\"StreamName\": \"s\", \"ShardToSplit\": \"shardId-000000000000\","
        + " \"NewStartingHashKey\": \"170141183460469231731687303715884105728\"}");
  }

  @Test
  void operationKinesaliteNeverCoveredIsValidatedInModelOrder() {
    assertValidation("UpdateShardCount", "{\"TargetShardCount\": 0, \"ScalingType\": \"X\","
            + " \"StreamARN\": \"nope\"}",
        "3 validation errors detected: "
            + "Value '0' at 'targetShardCount' failed to satisfy constraint: Member must have"
            + " value greater than or equal to 1; "
            + "Value 'X' at 'scalingType' failed to satisfy constraint: Member must satisfy enum"
            + " value set: [UNIFORM_SCALING]; "
            + "Value 'nope' at 'streamARN' failed to satisfy constraint: Member must satisfy"
            + " regular expression pattern: arn:aws.*:kinesis:.*:\\d{12}:stream/\\S+");
    assertValidation("UpdateAccountSettings", "{}",
        "1 validation error detected: Value null at 'minimumThroughputBillingCommitment' failed"
            + " to satisfy constraint: Member must not be null");
  }

  @Test
  void streamArnMayStandInForStreamNameAsTheModelAllows() {
    assertValid("PutRecord", "{\"StreamARN\": \"arn:aws:kinesis:us-east-1:123456789012:stream/s\","
        + " \"PartitionKey\": \"k\", \"Data\": \"\"}");
  }

  @Test
  void operationsWithoutMembersAcceptAnyObject() {
    assertValid("DescribeLimits", "{}");
    assertValid("DescribeAccountSettings", "{\"Anything\": 1}");
  }
}
