package io.tributary.http.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tributary.core.error.ErrorCode;
import io.tributary.core.error.KinesisException;
import io.tributary.core.model.StreamArn;
import io.tributary.core.model.StreamName;
import io.tributary.core.operations.AddTagsToStream;
import io.tributary.core.operations.ListTagsForStream;
import io.tributary.core.operations.RemoveTagsFromStream;
import io.tributary.core.operations.StreamRef;
import io.tributary.core.operations.Tag;
import io.tributary.http.Hex;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** AddTagsToStream, RemoveTagsFromStream and ListTagsForStream. */
class StreamTagMappersTest {
  private static final StreamRef ORDERS = StreamRef.ofName(new StreamName("orders"));
  private static final StreamArn ARN = StreamArn.parse("arn:aws:kinesis:us-east-1:111111111111:stream/orders")
      .orElseThrow();

  @Test
  void addTagsRequestDecodesANullValueAsAnEmptyOne() {
    assertEquals(new AddTagsToStream.Request(ORDERS, Map.of("team", "a", "tier", "")), Mapping.readJson(
        new AddTagsToStreamMapper(), "{\"StreamName\":\"orders\",\"Tags\":{\"team\":\"a\",\"tier\":null}}"));
  }

  @Test
  void addTagsRequestDecodesFromCbor() {
    assertEquals(new AddTagsToStream.Request(ORDERS, Map.of("team", "a", "tier", "")),
        Mapping.readCbor(new AddTagsToStreamMapper(), """
            bf
              6a 53 74 72 65 61 6d 4e 61 6d 65   66 6f 72 64 65 72 73
              64 54 61 67 73
              bf
                64 74 65 61 6d   61 61
                64 74 69 65 72   60
              ff
            ff"""));
  }

  @Test
  void addTagsWithoutTagsFailsValidation() {
    KinesisException e = assertThrows(KinesisException.class,
        () -> Mapping.readJson(new AddTagsToStreamMapper(), "{\"StreamName\":\"orders\"}"));
    assertEquals(ErrorCode.VALIDATION, e.code());
    assertEquals("1 validation error detected: Value null at 'tags' failed to satisfy constraint: "
        + "Member must not be null", e.getMessage());
  }

  @Test
  void removeTagsRequestDecodes() {
    RemoveTagsFromStream.Request expected = new RemoveTagsFromStream.Request(StreamRef.ofArn(ARN), List.of("team"));
    assertEquals(expected, Mapping.readJson(new RemoveTagsFromStreamMapper(),
        "{\"StreamARN\":\"" + ARN + "\",\"TagKeys\":[\"team\"]}"));
    assertEquals(expected, Mapping.readCbor(new RemoveTagsFromStreamMapper(), """
            bf
              69 53 74 72 65 61 6d 41 52 4e   78 34 61 72 6e 3a 61 77 73 3a 6b 69 6e 65 73 69 73 3a 75 73 2d 65
                    61 73 74 2d 31 3a 31 31 31 31 31 31 31 31 31 31 31 31 3a 73 74 72 65 61 6d 2f 6f 72 64 65 72
                    73
              67 54 61 67 4b 65 79 73
              9f
                64 74 65 61 6d
              ff
            ff"""));
  }

  @Test
  void listTagsRequestDecodes() {
    ListTagsForStream.Request expected = new ListTagsForStream.Request(ORDERS, Optional.of("a"), OptionalInt.of(10));
    assertEquals(expected, Mapping.readJson(new ListTagsForStreamMapper(),
        "{\"StreamName\":\"orders\",\"ExclusiveStartTagKey\":\"a\",\"Limit\":10}"));
    assertEquals(expected, Mapping.readCbor(new ListTagsForStreamMapper(), """
            bf
              6a 53 74 72 65 61 6d 4e 61 6d 65   66 6f 72 64 65 72 73
              74 45 78 63 6c 75 73 69 76 65 53 74 61 72 74 54 61 67 4b 65 79   61 61
              65 4c 69 6d 69 74   0a
            ff"""));
  }

  @Test
  void listTagsResponseHasTagsAndHasMoreTags() {
    ListTagsForStream.Response response = new ListTagsForStream.Response(List.of(new Tag("team", "a")), true);
    assertEquals("{\"Tags\":[{\"Key\":\"team\",\"Value\":\"a\"}],\"HasMoreTags\":true}",
        Mapping.writeJson(new ListTagsForStreamMapper(), response));
    assertEquals(Hex.of(Hex.bytes("""
            bf
              64 54 61 67 73
              9f
                bf
                  63 4b 65 79   64 74 65 61 6d
                  65 56 61 6c 75 65   61 61
                ff
              ff
              6b 48 61 73 4d 6f 72 65 54 61 67 73   f5
            ff""")), Mapping.writeCbor(new ListTagsForStreamMapper(), response));
  }

  @Test
  void listTagsOfAnUntaggedStreamStillHasBothMembers() {
    assertEquals("{\"Tags\":[],\"HasMoreTags\":false}",
        Mapping.writeJson(new ListTagsForStreamMapper(), new ListTagsForStream.Response(List.of(), false)));
  }

  @Test
  void addAndRemoveAnswerWithAnEmptyBody() {
    assertEquals("", Mapping.writeJson(new AddTagsToStreamMapper(), new AddTagsToStream.Response()));
    assertEquals("", Mapping.writeCbor(new RemoveTagsFromStreamMapper(), new RemoveTagsFromStream.Response()));
  }
}
