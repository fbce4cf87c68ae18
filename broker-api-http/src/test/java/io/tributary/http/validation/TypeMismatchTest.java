package io.tributary.http.validation;

import static io.tributary.http.validation.ValidationAssertions.assertSerialization;
import static io.tributary.http.validation.ValidationAssertions.assertValid;
import static io.tributary.http.validation.ValidationAssertions.assertValidation;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Members of the wrong type fail with AWS's SerializationException texts. The pairs of value and
 * message are those kinesalite's test/helpers.js {@code assertType} asserts against AWS.
 */
class TypeMismatchTest {
  private static final String NUMBER = "com.amazon.coral.value.json.numbers.TruncatingBigNumber";

  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "true         | class java.lang.Boolean can not be converted to an String",
      "23           | class " + NUMBER + " can not be converted to an String",
      "-2147483648  | class " + NUMBER + " can not be converted to an String",
      "34.56        | class " + NUMBER + " can not be converted to an String",
      "[]           | Start of list found where not expected",
      "{}           | Start of structure or map found where not expected.",
  })
  void stringMemberOfAnotherTypeIsRefused(String value, String message) {
    assertSerialization("DeleteStream", "{\"StreamName\": " + value + "}", message);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "\"23\"  | class java.lang.String can not be converted to an Integer",
      "true      | class java.lang.Boolean can not be converted to an Integer",
      "[]        | Start of list found where not expected",
      "{}        | Start of structure or map found where not expected.",
  })
  void integerMemberOfAnotherTypeIsRefused(String value, String message) {
    assertSerialization("CreateStream", "{\"StreamName\": \"s\", \"ShardCount\": " + value + "}",
        message);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "\"yes\"  | 'YES' can not be converted to an Boolean",
      "\"23\"   | '23' can not be converted to an Boolean",
      "23         | class " + NUMBER + " can not be converted to an Boolean",
      "[]         | Start of list found where not expected",
      "{}         | Start of structure or map found where not expected.",
  })
  void booleanMemberOfAnotherTypeIsRefused(String value, String message) {
    assertSerialization("DeleteStream",
        "{\"StreamName\": \"s\", \"EnforceConsumerDeletion\": " + value + "}", message);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "\"2020-01-01\" | class java.lang.String can not be converted to milliseconds since epoch",
      "true             | class java.lang.Boolean can not be converted to milliseconds since epoch",
      "[]               | Start of list found where not expected",
      "{}               | Start of structure or map found where not expected.",
  })
  void timestampMemberOfAnotherTypeIsRefused(String value, String message) {
    assertSerialization("GetShardIterator", "{\"StreamName\": \"s\", \"ShardId\": \"shardId-0\","
        + " \"ShardIteratorType\": \"AT_TIMESTAMP\", \"Timestamp\": " + value + "}", message);
  }

  @Test
  void timestampMemberAcceptsWholeAndFractionalSeconds() {
    assertValid("GetShardIterator", "{\"ShardId\": \"shardId-0\", \"ShardIteratorType\":"
        + " \"AT_TIMESTAMP\", \"Timestamp\": 1700000000.25}");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "true     | class java.lang.Boolean can not be converted to a Blob",
      "23       | class " + NUMBER + " can not be converted to a Blob",
      "34.56    | class " + NUMBER + " can not be converted to a Blob",
      "[]       | Start of list found where not expected",
      "{}       | Start of structure or map found where not expected.",
      "\"23456\" | '23456' can not be converted to a Blob: Base64 encoded length is expected a multiple of 4 bytes but found: 5",
      "\"=+/=\"  | '=+/=' can not be converted to a Blob: Invalid Base64 character: '='",
      "\"+/+=\"  | '+/+=' can not be converted to a Blob: Invalid last non-pad Base64 character dectected",
      "\"AB!=\"  | 'AB!=' can not be converted to a Blob: Invalid Base64 character: '!'",
      "\"AA=A\"  | 'AA=A' can not be converted to a Blob: Invalid Base64 character: '='",
      "\"A===\"  | 'A===' can not be converted to a Blob: Invalid last non-pad Base64 character dectected",
      "\"====\"  | '====' can not be converted to a Blob: Invalid last non-pad Base64 character dectected",
      "\"QR==\"  | 'QR==' can not be converted to a Blob: Invalid last non-pad Base64 character dectected",
  })
  void blobMemberThatIsNotCanonicalBase64IsRefused(String value, String message) {
    assertSerialization("PutRecord",
        "{\"StreamName\": \"s\", \"PartitionKey\": \"k\", \"Data\": " + value + "}", message);
  }

  @ParameterizedTest
  @CsvSource({"''", "QQ==", "QUI=", "QUJD", "+/+/"})
  void blobMemberInCanonicalBase64IsAccepted(String base64) {
    assertValid("PutRecord",
        "{\"StreamName\": \"s\", \"PartitionKey\": \"k\", \"Data\": \"" + base64 + "\"}");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "\"x\"  | Expected list or null",
      "true     | Expected list or null",
      "23       | Expected list or null",
      "{}       | Start of structure or map found where not expected.",
  })
  void listMemberOfAnotherTypeIsRefused(String value, String message) {
    assertSerialization("PutRecords", "{\"StreamName\": \"s\", \"Records\": " + value + "}",
        message);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "\"x\"  | Expected null",
      "true     | Expected null",
      "23       | Expected null",
      "[]       | Start of list found where not expected",
  })
  void structureOfAnotherTypeIsRefused(String value, String message) {
    assertSerialization("PutRecords", "{\"StreamName\": \"s\", \"Records\": [" + value + "]}",
        message);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "\"x\"     | Expected map or null",
      "23          | Expected map or null",
      "[]          | Start of list found where not expected",
      "{\"a\": 1}   | class " + NUMBER + " can not be converted to an String",
  })
  void mapMemberOfAnotherTypeIsRefused(String value, String message) {
    assertSerialization("AddTagsToStream", "{\"StreamName\": \"s\", \"Tags\": " + value + "}",
        message);
  }

  @Test
  void nestedMemberOfTheWrongTypeIsRefused() {
    assertSerialization("ListShards", "{\"ShardFilter\": {\"Type\": 1}}",
        "class " + NUMBER + " can not be converted to an String");
    assertSerialization("PutRecords", "{\"Records\": [{\"PartitionKey\": \"k\", \"Data\": true}]}",
        "class java.lang.Boolean can not be converted to a Blob");
  }

  @Test
  void bodyThatIsNotAnObjectIsRefused() {
    assertSerialization("ListStreams", "[]", "Start of list found where not expected");
    assertSerialization("ListStreams", "42", "Expected null");
  }

  @Test
  void typeMismatchWinsOverEveryConstraintViolation() {
    assertSerialization("CreateStream", "{\"StreamName\": \"\", \"ShardCount\": \"x\"}",
        "class java.lang.String can not be converted to an Integer");
  }

  @Test
  void firstMismatchInAwsMemberOrderIsTheOneReported() {
    // AWS checks PutRecord's PartitionKey before its Data (kinesalite validations/putRecord.js).
    assertSerialization("PutRecord", "{\"Data\": 1, \"PartitionKey\": true}",
        "class java.lang.Boolean can not be converted to an String");
  }

  @Test
  void unknownMembersAreIgnoredWhateverTheirType() {
    assertValid("CreateStream", "{\"StreamName\": \"s\", \"ShardCount\": 1, \"Foo\": [1, {}],"
        + " \"streamName\": 5, \"Bar\": null}");
  }

  @Test
  void nullMemberCountsAsAbsent() {
    assertValidation("CreateStream", "{\"StreamName\": null}",
        "1 validation error detected: Value null at 'streamName' failed to satisfy constraint:"
            + " Member must not be null");
    assertValid("ListShards", "{\"StreamName\": \"s\", \"MaxResults\": null, \"ShardFilter\": null}");
  }

  @Test
  void fractionalIntegerIsFlooredAsAwsDoesNotRefused() {
    assertValid("CreateStream", "{\"StreamName\": \"s\", \"ShardCount\": 1.9}");
    assertValidation("CreateStream", "{\"StreamName\": \"s\", \"ShardCount\": 0.5}",
        "1 validation error detected: Value '0' at 'shardCount' failed to satisfy constraint:"
            + " Member must have value greater than or equal to 1");
  }

  @Test
  void integerBeyondIntRangeIsClampedToItAsAwsDoes() {
    assertValidation("ListStreams", "{\"Limit\": 1000000000000}",
        "1 validation error detected: Value '2147483647' at 'limit' failed to satisfy constraint:"
            + " Member must have value less than or equal to 10000");
    assertValidation("ListStreams", "{\"Limit\": -3000000000.5}",
        "1 validation error detected: Value '-2147483648' at 'limit' failed to satisfy constraint:"
            + " Member must have value greater than or equal to 1");
  }
}
