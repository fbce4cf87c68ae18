package io.tributary.http.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tributary.core.error.ErrorCode;
import io.tributary.core.error.KinesisException;
import io.tributary.core.model.ConsumerArn;
import io.tributary.core.model.ResourceArn;
import io.tributary.core.model.StreamArn;
import io.tributary.core.operations.ListTagsForResource;
import io.tributary.core.operations.Tag;
import io.tributary.core.operations.TagResource;
import io.tributary.core.operations.UntagResource;
import io.tributary.http.Hex;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** TagResource, UntagResource and ListTagsForResource. */
class ResourceTagMappersTest {
  static final String STREAM = "arn:aws:kinesis:us-east-1:111111111111:stream/orders";
  static final String CONSUMER = STREAM + "/consumer/billing:1795852800";
  private static final ResourceArn STREAM_ARN = ResourceArn.of(StreamArn.parse(STREAM).orElseThrow());
  private static final ResourceArn CONSUMER_ARN = ResourceArn.of(ConsumerArn.parse(CONSUMER).orElseThrow());

  @Test
  void tagResourceOfAConsumerDecodes() {
    TagResource.Request expected = new TagResource.Request(CONSUMER_ARN, Map.of("team", "a"));
    assertEquals(expected, Mapping.readJson(new TagResourceMapper(),
        "{\"ResourceARN\":\"" + CONSUMER + "\",\"Tags\":{\"team\":\"a\"}}"));
    assertEquals(expected, Mapping.readCbor(new TagResourceMapper(), """
            bf
              6b 52 65 73 6f 75 72 63 65 41 52 4e   78 50 61 72 6e 3a 61 77 73 3a 6b 69 6e 65 73 69 73 3a 75 73
                    2d 65 61 73 74 2d 31 3a 31 31 31 31 31 31 31 31 31 31 31 31 3a 73 74 72 65 61 6d 2f 6f 72 64
                    65 72 73 2f 63 6f 6e 73 75 6d 65 72 2f 62 69 6c 6c 69 6e 67 3a 31 37 39 35 38 35 32 38 30 30
              64 54 61 67 73
              bf
                64 74 65 61 6d   61 61
              ff
            ff"""));
  }

  @Test
  void untagResourceOfAStreamDecodes() {
    UntagResource.Request expected = new UntagResource.Request(STREAM_ARN, List.of("team", "tier"));
    assertEquals(expected, Mapping.readJson(new UntagResourceMapper(),
        "{\"ResourceARN\":\"" + STREAM + "\",\"TagKeys\":[\"team\",\"tier\"]}"));
    assertEquals(expected, Mapping.readCbor(new UntagResourceMapper(), """
            bf
              6b 52 65 73 6f 75 72 63 65 41 52 4e   78 34 61 72 6e 3a 61 77 73 3a 6b 69 6e 65 73 69 73 3a 75 73
                    2d 65 61 73 74 2d 31 3a 31 31 31 31 31 31 31 31 31 31 31 31 3a 73 74 72 65 61 6d 2f 6f 72 64
                    65 72 73
              67 54 61 67 4b 65 79 73
              9f
                64 74 65 61 6d
                64 74 69 65 72
              ff
            ff"""));
  }

  @Test
  void listTagsForResourceDecodes() {
    assertEquals(new ListTagsForResource.Request(STREAM_ARN),
        Mapping.readJson(new ListTagsForResourceMapper(), "{\"ResourceARN\":\"" + STREAM + "\"}"));
    assertEquals(new ListTagsForResource.Request(STREAM_ARN),
        Mapping.readCbor(new ListTagsForResourceMapper(), """
            bf
              6b 52 65 73 6f 75 72 63 65 41 52 4e   78 34 61 72 6e 3a 61 77 73 3a 6b 69 6e 65 73 69 73 3a 75 73
                    2d 65 61 73 74 2d 31 3a 31 31 31 31 31 31 31 31 31 31 31 31 3a 73 74 72 65 61 6d 2f 6f 72 64
                    65 72 73
            ff"""));
  }

  @Test
  void listTagsForResourceResponseHasTags() {
    ListTagsForResource.Response response = new ListTagsForResource.Response(List.of(new Tag("team", "a")));
    assertEquals("{\"Tags\":[{\"Key\":\"team\",\"Value\":\"a\"}]}",
        Mapping.writeJson(new ListTagsForResourceMapper(), response));
    assertEquals(Hex.of(Hex.bytes("""
            bf
              64 54 61 67 73
              9f
                bf
                  63 4b 65 79   64 74 65 61 6d
                  65 56 61 6c 75 65   61 61
                ff
              ff
            ff""")),
        Mapping.writeCbor(new ListTagsForResourceMapper(), response));
  }

  @Test
  void resourceArnThatFitsTheModelButNamesNoStreamOrConsumerIsAnInvalidArgument() {
    // The model's pattern, arn:aws.*:kinesis:.*:\d{12}:.*stream/\S+, lets "deliverystream/" through.
    String firehose = "arn:aws:kinesis:us-east-1:111111111111:deliverystream/orders";
    KinesisException e = assertThrows(KinesisException.class,
        () -> Mapping.readJson(new ListTagsForResourceMapper(), "{\"ResourceARN\":\"" + firehose + "\"}"));
    assertEquals(ErrorCode.INVALID_ARGUMENT, e.code());
    assertEquals("ResourceARN " + firehose + " is not a valid Kinesis stream or consumer ARN.", e.getMessage());
  }

  @Test
  void tagAndUntagAnswerWithAnEmptyBody() {
    assertEquals("", Mapping.writeJson(new TagResourceMapper(), new TagResource.Response()));
    assertEquals("", Mapping.writeCbor(new UntagResourceMapper(), new UntagResource.Response()));
  }
}
