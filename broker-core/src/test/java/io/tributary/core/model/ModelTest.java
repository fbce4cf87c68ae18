package io.tributary.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ModelTest {

  @Test
  void sequenceNumberIsFiftySixDigitsAndRoundTrips() {
    SequenceNumber n = new SequenceNumber(3, 1883088145612800000L);
    assertEquals("49000000000000000000000000000000000301883088145612800000", n.toString());
    assertEquals(56, n.toString().length());
    assertEquals(Optional.of(n), SequenceNumber.parse(n.toString()));
  }

  @Test
  void sequenceNumberDigitsAreThoseOfItsNumberAtTheExtremes() {
    for (SequenceNumber n : List.of(new SequenceNumber(0, 0), new SequenceNumber(0, 1),
        new SequenceNumber(Integer.MAX_VALUE, Long.MAX_VALUE), new SequenceNumber(1, Long.MAX_VALUE),
        new SequenceNumber(Integer.MAX_VALUE, 0), new SequenceNumber(12_345, 1_000_000_000_000_000_000L))) {
      assertEquals(n.toBigInteger().toString(), n.toString());
      assertEquals(Optional.of(n), SequenceNumber.parse(n.toString()));
    }
  }

  @Test
  void sequenceNumbersCompareNumericallyInWriteOrder() {
    SequenceNumber a = new SequenceNumber(0, 9);
    SequenceNumber b = new SequenceNumber(0, 10);
    assertTrue(a.compareTo(b) < 0);
    assertTrue(a.toBigInteger().compareTo(b.toBigInteger()) < 0);
    assertTrue(new SequenceNumber(0, Long.MAX_VALUE).toBigInteger()
        .compareTo(new SequenceNumber(1, 0).toBigInteger()) < 0);
  }

  @Test
  void sequenceNumberParseRefusesWhatThisBrokerCouldNotHaveMade() {
    assertEquals(Optional.empty(), SequenceNumber.parse("0"));
    assertEquals(Optional.empty(), SequenceNumber.parse("12345"));
    assertEquals(Optional.empty(), SequenceNumber.parse("59000000000000000000000000000000000301883088145612800000"));
    assertEquals(Optional.empty(), SequenceNumber.parse("4900000000000000000000000000000000030188308814561280000x"));
    // log sequence part above 2^63 - 1
    assertEquals(Optional.empty(), SequenceNumber.parse("49000000000000000000000000000000000099999999999999999999"));
  }

  @Test
  void evenSplitMatchesTheRangesAwsGivesThreeShards() {
    List<HashKeyRange> ranges = HashKeyRange.evenSplit(3);
    assertEquals(new BigInteger("0"), ranges.get(0).startingHashKey().value());
    assertEquals(new BigInteger("113427455640312821154458202477256070484"), ranges.get(0).endingHashKey().value());
    assertEquals(new BigInteger("113427455640312821154458202477256070485"), ranges.get(1).startingHashKey().value());
    assertEquals(new BigInteger("226854911280625642308916404954512140969"), ranges.get(1).endingHashKey().value());
    assertEquals(new BigInteger("226854911280625642308916404954512140970"), ranges.get(2).startingHashKey().value());
    assertEquals(HashKey.MAX_VALUE, ranges.get(2).endingHashKey().value());
  }

  @Test
  void partitionKeyHashIsMd5ReadAsUnsignedBigEndian() {
    assertEquals(new BigInteger("16955237001963240173058271559858726497"), HashKey.ofPartitionKey("a").value());
    assertEquals(new BigInteger("198019941650871988756153596255032211816"),
        HashKey.ofPartitionKey("partition-1").value());
  }

  @Test
  void hashKeyOutsideTheSpaceIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> new HashKey(BigInteger.ONE.shiftLeft(128)));
    assertThrows(IllegalArgumentException.class, () -> new HashKey(BigInteger.valueOf(-1)));
  }

  @Test
  void shardIdAcceptsTheFormsAwsAccepts() {
    assertEquals(Optional.of(new ShardId(7)), ShardId.parse("shardId-000000000007"));
    assertEquals(Optional.of(new ShardId(7)), ShardId.parse("shardId-7"));
    assertEquals(Optional.of(new ShardId(7)), ShardId.parse("7"));
    assertEquals(Optional.empty(), ShardId.parse("shard-7"));
    assertEquals(Optional.empty(), ShardId.parse("shardId-99999999999"));
    assertEquals("shardId-000000000012", new ShardId(12).toString());
    assertEquals("shardId-000000000000", new ShardId(0).toString());
    assertEquals("shardId-002147483647", new ShardId(Integer.MAX_VALUE).toString());
  }

  @Test
  void streamArnParsesAndPrints() {
    String text = "arn:aws:kinesis:eu-west-1:123456789012:stream/orders.v2";
    StreamArn arn = StreamArn.parse(text).orElseThrow();
    assertEquals("eu-west-1", arn.region());
    assertEquals("123456789012", arn.accountId());
    assertEquals(new StreamName("orders.v2"), arn.streamName());
    assertEquals(text, arn.toString());
    assertFalse(StreamArn.parse("arn:aws:kinesis:eu-west-1:1234:stream/x").isPresent());
    assertFalse(StreamArn.parse("arn:aws:sqs:eu-west-1:123456789012:stream/x").isPresent());
  }
}
