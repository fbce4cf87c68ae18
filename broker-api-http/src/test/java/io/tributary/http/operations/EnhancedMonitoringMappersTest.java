package io.tributary.http.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tributary.core.model.MetricsName;
import io.tributary.core.model.StreamArn;
import io.tributary.core.model.StreamName;
import io.tributary.core.operations.DisableEnhancedMonitoring;
import io.tributary.core.operations.EnableEnhancedMonitoring;
import io.tributary.core.operations.EnhancedMonitoringOutput;
import io.tributary.core.operations.StreamRef;
import io.tributary.http.Hex;
import java.util.List;
import org.junit.jupiter.api.Test;

/** EnableEnhancedMonitoring and DisableEnhancedMonitoring. */
class EnhancedMonitoringMappersTest {
  private static final StreamRef ORDERS = StreamRef.ofName(new StreamName("orders"));
  private static final StreamArn ARN = StreamArn.parse(ResourceTagMappersTest.STREAM).orElseThrow();

  @Test
  void enableRequestDecodesTheMetricsInTheOrderSent() {
    EnableEnhancedMonitoring.Request expected =
        new EnableEnhancedMonitoring.Request(ORDERS, List.of(MetricsName.IncomingBytes, MetricsName.ALL));
    assertEquals(expected, Mapping.readJson(new EnhancedMonitoringMappers.Enable(),
        "{\"StreamName\":\"orders\",\"ShardLevelMetrics\":[\"IncomingBytes\",\"ALL\"]}"));
    assertEquals(expected, Mapping.readCbor(new EnhancedMonitoringMappers.Enable(), """
            bf
              6a 53 74 72 65 61 6d 4e 61 6d 65   66 6f 72 64 65 72 73
              71 53 68 61 72 64 4c 65 76 65 6c 4d 65 74 72 69 63 73
              9f
                6d 49 6e 63 6f 6d 69 6e 67 42 79 74 65 73
                63 41 4c 4c
              ff
            ff"""));
  }

  @Test
  void disableRequestDecodes() {
    assertEquals(new DisableEnhancedMonitoring.Request(ORDERS, List.of(MetricsName.IteratorAgeMilliseconds)),
        Mapping.readJson(new EnhancedMonitoringMappers.Disable(),
            "{\"StreamName\":\"orders\",\"ShardLevelMetrics\":[\"IteratorAgeMilliseconds\"]}"));
  }

  @Test
  void responseHasTheMetricsBeforeAndAfterInTheModelsOrder() {
    EnhancedMonitoringOutput output = new EnhancedMonitoringOutput(new StreamName("orders"), ARN, List.of(),
        List.of(MetricsName.IncomingBytes, MetricsName.OutgoingBytes));
    assertEquals("{\"StreamName\":\"orders\",\"CurrentShardLevelMetrics\":[],"
        + "\"DesiredShardLevelMetrics\":[\"IncomingBytes\",\"OutgoingBytes\"],\"StreamARN\":\"" + ARN + "\"}",
        Mapping.writeJson(new EnhancedMonitoringMappers.Enable(), output));
    assertEquals(Hex.of(Hex.bytes("""
            bf
              6a 53 74 72 65 61 6d 4e 61 6d 65   66 6f 72 64 65 72 73
              78 18 43 75 72 72 65 6e 74 53 68 61 72 64 4c 65 76 65 6c 4d 65 74 72 69 63 73
              9f
              ff
              78 18 44 65 73 69 72 65 64 53 68 61 72 64 4c 65 76 65 6c 4d 65 74 72 69 63 73
              9f
                6d 49 6e 63 6f 6d 69 6e 67 42 79 74 65 73
                6d 4f 75 74 67 6f 69 6e 67 42 79 74 65 73
              ff
              69 53 74 72 65 61 6d 41 52 4e   78 34 61 72 6e 3a 61 77 73 3a 6b 69 6e 65 73 69 73 3a 75 73 2d 65
                    61 73 74 2d 31 3a 31 31 31 31 31 31 31 31 31 31 31 31 3a 73 74 72 65 61 6d 2f 6f 72 64 65 72
                    73
            ff""")), Mapping.writeCbor(new EnhancedMonitoringMappers.Disable(), output));
  }
}
