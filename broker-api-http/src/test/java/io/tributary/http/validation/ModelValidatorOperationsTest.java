package io.tributary.http.validation;

import static io.tributary.http.validation.ValidationAssertions.VALIDATOR;
import static io.tributary.http.validation.ValidationAssertions.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.http.wire.WireFormat;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

class ModelValidatorOperationsTest {
  /** Every operation of Kinesis 2013-12-02, written out so that losing one from the model fails. */
  static final List<String> ALL_39_OPERATIONS = List.of(
      "AddTagsToStream", "CreateStream", "DecreaseStreamRetentionPeriod", "DeleteResourcePolicy",
      "DeleteStream", "DeregisterStreamConsumer", "DescribeAccountSettings", "DescribeLimits",
      "DescribeStream", "DescribeStreamConsumer", "DescribeStreamSummary",
      "DisableEnhancedMonitoring", "EnableEnhancedMonitoring", "GetRecords", "GetResourcePolicy",
      "GetShardIterator", "IncreaseStreamRetentionPeriod", "ListShards", "ListStreamConsumers",
      "ListStreams", "ListTagsForResource", "ListTagsForStream", "MergeShards", "PutRecord",
      "PutRecords", "PutResourcePolicy", "RegisterStreamConsumer", "RemoveTagsFromStream",
      "SplitShard", "StartStreamEncryption", "StopStreamEncryption", "SubscribeToShard",
      "TagResource", "UntagResource", "UpdateAccountSettings", "UpdateMaxRecordSize",
      "UpdateShardCount", "UpdateStreamMode", "UpdateStreamWarmThroughput");

  @ParameterizedTest
  @FieldSource("ALL_39_OPERATIONS")
  void hasEveryKinesisOperation(String operation) {
    assertTrue(VALIDATOR.hasOperation(operation));
  }

  @Test
  void listsThirtyNineDistinctOperations() {
    assertEquals(39, Set.copyOf(ALL_39_OPERATIONS).size());
  }

  @Test
  void hasNoOperationThatIsMisspelledMiscasedOrMissing() {
    assertFalse(VALIDATOR.hasOperation("putRecords"));
    assertFalse(VALIDATOR.hasOperation("PutRecordBatch"));
    assertFalse(VALIDATOR.hasOperation(""));
    assertFalse(VALIDATOR.hasOperation(null));
  }

  @Test
  void validatingAnUnknownOperationIsTheCallersError() {
    assertThrows(IllegalArgumentException.class,
        () -> VALIDATOR.validate("PutRecordBatch", json("{}"), WireFormat.JSON));
  }

  @Test
  void bundledModelCarriesNoDocumentation() throws IOException {
    try (InputStream in = ModelValidator.class.getResourceAsStream(ModelValidator.MODEL_RESOURCE)) {
      String model = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      assertFalse(model.contains("documentation"));
    }
  }
}
