package io.tributary.core.operations;

import static io.tributary.core.operations.BrokerFixture.CONTEXT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.core.RequestContext;
import io.tributary.core.error.ErrorCode;
import io.tributary.core.error.KinesisException;
import io.tributary.core.model.ConsumerName;
import io.tributary.core.model.ResourceArn;
import io.tributary.core.model.StreamArn;
import io.tributary.core.model.StreamName;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class TagsTest {
  private final BrokerFixture f = new BrokerFixture();
  private final StreamRef s = f.activeStream("s", 1);
  private final StreamArn arn = StreamArn.parse("arn:aws:kinesis:us-east-1:000000000000:stream/s").orElseThrow();

  private void add(Map<String, String> tags) {
    f.broker.addTagsToStream().execute(CONTEXT, new AddTagsToStream.Request(s, tags));
  }

  private ListTagsForStream.Response list(Optional<String> after, OptionalInt limit) {
    return f.broker.listTagsForStream().execute(CONTEXT, new ListTagsForStream.Request(s, after, limit));
  }

  private List<Tag> resourceTags(ResourceArn resource) {
    return f.broker.listTagsForResource().execute(CONTEXT, new ListTagsForResource.Request(resource)).tags();
  }

  private static Map<String, String> numbered(int from, int count) {
    Map<String, String> tags = new HashMap<>();
    for (int i = from; i < from + count; i++) {
      tags.put(String.format("k%02d", i), "v" + i);
    }
    return tags;
  }

  @Test
  void addedTagsAreListedInKeyOrderAndLaterValuesOverwrite() {
    add(Map.of("team", "data", "env", "prod"));
    add(Map.of("env", "test", "cost", ""));
    assertEquals(List.of(new Tag("cost", ""), new Tag("env", "test"), new Tag("team", "data")),
        list(Optional.empty(), OptionalInt.empty()).tags());
  }

  @Test
  void listTagsForStreamPagesAfterTheExclusiveStartKey() {
    add(numbered(0, 5));
    ListTagsForStream.Response first = list(Optional.empty(), OptionalInt.of(2));
    assertEquals(List.of(new Tag("k00", "v0"), new Tag("k01", "v1")), first.tags());
    assertTrue(first.hasMoreTags());
    ListTagsForStream.Response last = list(Optional.of("k02"), OptionalInt.of(2));
    assertEquals(List.of(new Tag("k03", "v3"), new Tag("k04", "v4")), last.tags());
    assertFalse(last.hasMoreTags());
  }

  @Test
  void removingTagsIgnoresKeysTheStreamDoesNotHave() {
    add(Map.of("a", "1", "b", "2"));
    f.broker.removeTagsFromStream().execute(CONTEXT, new RemoveTagsFromStream.Request(s, List.of("a", "zzz")));
    assertEquals(List.of(new Tag("b", "2")), list(Optional.empty(), OptionalInt.empty()).tags());
  }

  @Test
  void aFiftyFirstTagIsRefusedAndNoneOfTheRequestIsAdded() {
    add(numbered(0, 49));
    add(Map.of("k00", "again"));
    KinesisException e = assertThrows(KinesisException.class, () -> add(numbered(49, 2)));
    assertEquals(ErrorCode.INVALID_ARGUMENT, e.code());
    assertEquals("Failed to add tags to stream s under account 000000000000 because a given stream cannot have "
        + "more than 10 tags associated with it.", e.getMessage());
    assertEquals(49, resourceTags(ResourceArn.of(arn)).size());
    add(numbered(49, 1));
  }

  @Test
  void tagsWithCharactersAwsRefusesAreInvalidArguments() {
    KinesisException bad = assertThrows(KinesisException.class, () -> add(Map.of("a#b", "v")));
    assertEquals("Some tags contain invalid characters. Valid characters: Unicode letters, digits, white space, "
        + "_ . / = + - % @.", bad.getMessage());
    KinesisException percent = assertThrows(KinesisException.class, () -> add(Map.of("k", "50%")));
    assertEquals("Failed to add tags to stream s under account 000000000000 because some tags contained illegal "
        + "characters. The allowed characters are Unicode letters, white-spaces, '_',',','/','=','+','-','@'.",
        percent.getMessage());
    KinesisException remove = assertThrows(KinesisException.class, () -> f.broker.removeTagsFromStream()
        .execute(CONTEXT, new RemoveTagsFromStream.Request(s, List.of("a%"))));
    assertTrue(remove.getMessage().startsWith("Failed to remove tags from stream s under account 000000000000"));
    add(Map.of("Ünïcode name: x/y=z+1-2@ _.", "Wert 1"));
  }

  @Test
  void tagKeysWithTheAwsPrefixAreReserved() {
    KinesisException e = assertThrows(KinesisException.class, () -> add(Map.of("aws:owner", "me")));
    assertEquals(ErrorCode.INVALID_ARGUMENT, e.code());
    assertEquals("Failed to add tags to stream s under account 000000000000 because tag keys prefixed with 'aws:' "
        + "are reserved for AWS use.", e.getMessage());
  }

  @Test
  void tagsOfACreatingStreamCannotChangeButTagsGivenAtCreationApply() {
    f.broker.createStream().execute(CONTEXT, new CreateStream.Request(new StreamName("new"), OptionalInt.of(1),
        Optional.empty(), Map.of("team", "data"), OptionalInt.empty(), OptionalInt.empty()));
    StreamRef created = StreamRef.ofName(new StreamName("new"));
    KinesisException e = assertThrows(KinesisException.class, () -> f.broker.addTagsToStream()
        .execute(CONTEXT, new AddTagsToStream.Request(created, Map.of("x", "y"))));
    assertEquals(ErrorCode.RESOURCE_IN_USE, e.code());
    assertEquals("Stream new under account 000000000000 not ACTIVE, instead in state CREATING", e.getMessage());
    assertEquals(List.of(new Tag("team", "data")), f.broker.listTagsForStream().execute(CONTEXT,
        new ListTagsForStream.Request(created, Optional.empty(), OptionalInt.empty())).tags());
  }

  @Test
  void tagsOfAMissingStreamAreNotFound() {
    StreamRef missing = StreamRef.ofName(new StreamName("nope"));
    KinesisException e = assertThrows(KinesisException.class, () -> f.broker.addTagsToStream()
        .execute(CONTEXT, new AddTagsToStream.Request(missing, Map.of("a", "b"))));
    assertEquals(ErrorCode.RESOURCE_NOT_FOUND, e.code());
    assertEquals("Stream nope under account 000000000000 not found.", e.getMessage());
    RequestContext other = new RequestContext("r", "111111111111", "us-east-1");
    KinesisException otherAccount = assertThrows(KinesisException.class, () -> f.broker.listTagsForStream()
        .execute(other, new ListTagsForStream.Request(s, Optional.empty(), OptionalInt.empty())));
    assertEquals("Stream s under account 111111111111 not found.", otherAccount.getMessage());
  }

  @Test
  void tagResourceTagsAStreamByArnLikeAddTagsToStream() {
    f.broker.tagResource().execute(CONTEXT, new TagResource.Request(ResourceArn.of(arn), Map.of("b", "2", "a", "1")));
    f.broker.untagResource().execute(CONTEXT, new UntagResource.Request(ResourceArn.of(arn), List.of("b")));
    assertEquals(List.of(new Tag("a", "1")), list(Optional.empty(), OptionalInt.empty()).tags());
    assertEquals(List.of(new Tag("a", "1")), resourceTags(ResourceArn.of(arn)));
  }

  @Test
  void tagResourceOfAMissingStreamNamesItsArn() {
    ResourceArn missing = ResourceArn.parse("arn:aws:kinesis:us-east-1:000000000000:stream/nope").orElseThrow();
    KinesisException e = assertThrows(KinesisException.class, () -> resourceTags(missing));
    assertEquals(ErrorCode.RESOURCE_NOT_FOUND, e.code());
    assertEquals("Stream arn:aws:kinesis:us-east-1:000000000000:stream/nope under account 000000000000 not found.",
        e.getMessage());
  }

  @Test
  void consumersHaveTagsOfTheirOwnFromRegistrationOn() {
    Consumer c = f.broker.registerStreamConsumer().execute(CONTEXT,
        new RegisterStreamConsumer.Request(arn, new ConsumerName("c"), Map.of("app", "billing"))).consumer();
    ResourceArn consumer = ResourceArn.of(c.consumerArn());
    assertEquals(List.of(new Tag("app", "billing")), resourceTags(consumer));
    KinesisException creating = assertThrows(KinesisException.class, () -> f.broker.tagResource()
        .execute(CONTEXT, new TagResource.Request(consumer, Map.of("x", "y"))));
    assertEquals(ErrorCode.RESOURCE_IN_USE, creating.code());
    f.clock.advance(Duration.ofSeconds(1));
    f.broker.tagResource().execute(CONTEXT, new TagResource.Request(consumer, Map.of("x", "y")));
    f.broker.untagResource().execute(CONTEXT, new UntagResource.Request(consumer, List.of("app")));
    assertEquals(List.of(new Tag("x", "y")), resourceTags(consumer));
    assertEquals(List.of(), resourceTags(ResourceArn.of(arn)));
  }
}
