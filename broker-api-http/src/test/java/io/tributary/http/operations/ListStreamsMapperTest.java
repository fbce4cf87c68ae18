package io.tributary.http.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tributary.core.model.StreamArn;
import io.tributary.core.model.StreamMode;
import io.tributary.core.model.StreamName;
import io.tributary.core.model.StreamStatus;
import io.tributary.core.operations.ListStreams;
import io.tributary.core.operations.StreamSummary;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class ListStreamsMapperTest {
  private final ListStreamsMapper mapper = new ListStreamsMapper();

  @Test
  void emptyRequestDecodes() {
    assertEquals(new ListStreams.Request(OptionalInt.empty(), Optional.empty(), Optional.empty()),
        Mapping.readJson(mapper, "{}"));
    assertEquals(new ListStreams.Request(OptionalInt.empty(), Optional.empty(), Optional.empty()),
        Mapping.readCbor(mapper, "bf ff"));
  }

  @Test
  void pagingRequestDecodes() {
    assertEquals(new ListStreams.Request(OptionalInt.of(5), Optional.of(new StreamName("a")), Optional.of("t")),
        Mapping.readJson(mapper, "{\"Limit\":5,\"ExclusiveStartStreamName\":\"a\",\"NextToken\":\"t\"}"));
  }

  @Test
  void responseHasNamesSummariesAndNextToken() {
    StreamName orders = new StreamName("orders");
    ListStreams.Response response = new ListStreams.Response(List.of(orders), true, Optional.of("next"),
        List.of(new StreamSummary(orders, StreamArn.of("us-east-1", "000000000000", orders), StreamStatus.ACTIVE,
            StreamMode.ON_DEMAND, DescribeStreamMapperTest.CREATED)));
    assertEquals("{\"StreamNames\":[\"orders\"],\"HasMoreStreams\":true,\"NextToken\":\"next\","
        + "\"StreamSummaries\":[{\"StreamName\":\"orders\","
        + "\"StreamARN\":\"arn:aws:kinesis:us-east-1:000000000000:stream/orders\",\"StreamStatus\":\"ACTIVE\","
        + "\"StreamModeDetails\":{\"StreamMode\":\"ON_DEMAND\"},\"StreamCreationTimestamp\":1.7958528E9}]}",
        Mapping.writeJson(mapper, response));
  }

  @Test
  void lastPageHasNoNextToken() {
    assertEquals("{\"StreamNames\":[],\"HasMoreStreams\":false,\"StreamSummaries\":[]}",
        Mapping.writeJson(mapper, new ListStreams.Response(List.of(), false, Optional.empty(), List.of())));
  }
}
