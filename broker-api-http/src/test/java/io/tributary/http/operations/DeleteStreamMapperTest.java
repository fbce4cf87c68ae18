package io.tributary.http.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tributary.core.error.ErrorCode;
import io.tributary.core.error.KinesisException;
import io.tributary.core.model.StreamArn;
import io.tributary.core.model.StreamName;
import io.tributary.core.operations.DeleteStream;
import io.tributary.core.operations.StreamRef;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DeleteStreamMapperTest {
  private final DeleteStreamMapper mapper = new DeleteStreamMapper();

  @Test
  void requestDecodes() {
    assertEquals(new DeleteStream.Request(StreamRef.ofName(new StreamName("orders")), Optional.of(true)),
        Mapping.readJson(mapper, "{\"StreamName\":\"orders\",\"EnforceConsumerDeletion\":true}"));
  }

  @Test
  void nameAndArnAreBothPassedOnForTheDomainToCompare() {
    String arn = "arn:aws:kinesis:us-east-1:000000000000:stream/orders";
    assertEquals(new DeleteStream.Request(new StreamRef(Optional.of(new StreamName("orders")),
            StreamArn.parse(arn)), Optional.empty()),
        Mapping.readJson(mapper, "{\"StreamName\":\"orders\",\"StreamARN\":\"" + arn + "\"}"));
  }

  @Test
  void neitherNameNorArnIsLeftToTheDomain() {
    assertEquals(new DeleteStream.Request(new StreamRef(Optional.empty(), Optional.empty()), Optional.empty()),
        Mapping.readJson(mapper, "{}"));
  }

  @Test
  void arnOfAnotherServiceIsInvalid() {
    KinesisException e = assertThrows(KinesisException.class,
        () -> Mapping.readJson(mapper, "{\"StreamARN\":\"arn:aws:sqs:us-east-1:000000000000:queue\"}"));
    assertEquals(ErrorCode.INVALID_ARGUMENT, e.code());
  }

  @Test
  void responseIsEmpty() {
    assertEquals("", Mapping.writeJson(mapper, new DeleteStream.Response()));
  }
}
