package io.tributary.http.operations;

import com.fasterxml.jackson.core.JsonGenerator;
import io.tributary.core.model.MinimumThroughputBillingCommitmentStatus;
import io.tributary.core.operations.DescribeAccountSettings;
import io.tributary.core.operations.MinimumThroughputBillingCommitment;
import io.tributary.core.operations.UpdateAccountSettings;
import io.tributary.http.wire.TimestampEncoding;
import io.tributary.http.wire.WireObject;
import java.io.IOException;
import java.time.Instant;
import java.util.Optional;

/**
 * DescribeAccountSettings and UpdateAccountSettings, which both answer
 * {@code {"MinimumThroughputBillingCommitment":{"Status", "StartedAt", "EndedAt",
 * "EarliestAllowedEndAt"}}}, each time only if the commitment has one.
 */
final class AccountSettingsMappers {
  private AccountSettingsMappers() {}

  static void write(MinimumThroughputBillingCommitment commitment, JsonGenerator out, TimestampEncoding timestamps)
      throws IOException {
    out.writeStartObject();
    out.writeObjectFieldStart("MinimumThroughputBillingCommitment");
    out.writeStringField("Status", commitment.status().name());
    writeTime(out, timestamps, "StartedAt", commitment.startedAt());
    writeTime(out, timestamps, "EndedAt", commitment.endedAt());
    writeTime(out, timestamps, "EarliestAllowedEndAt", commitment.earliestAllowedEndAt());
    out.writeEndObject();
    out.writeEndObject();
  }

  private static void writeTime(JsonGenerator out, TimestampEncoding timestamps, String name, Optional<Instant> time)
      throws IOException {
    if (time.isPresent()) {
      timestamps.writeField(out, name, time.get());
    }
  }

  static final class Describe
      implements OperationMapper<DescribeAccountSettings.Request, DescribeAccountSettings.Response> {

    @Override
    public DescribeAccountSettings.Request readRequest(WireObject body) {
      return new DescribeAccountSettings.Request();
    }

    @Override
    public void writeResponse(
        DescribeAccountSettings.Response response, JsonGenerator out, TimestampEncoding timestamps)
        throws IOException {
      write(response.minimumThroughputBillingCommitment(), out, timestamps);
    }
  }

  /**
   * UpdateAccountSettings's input: {@code MinimumThroughputBillingCommitment.Status}, ENABLED or
   * DISABLED (the input enum has no ENABLED_UNTIL_EARLIEST_ALLOWED_END).
   */
  static final class Update implements OperationMapper<UpdateAccountSettings.Request, UpdateAccountSettings.Response> {

    @Override
    public UpdateAccountSettings.Request readRequest(WireObject body) {
      WireObject commitment = body.requiredStructure("MinimumThroughputBillingCommitment");
      String status = commitment.requiredString("Status");
      if (!status.equals("ENABLED") && !status.equals("DISABLED")) {
        throw commitment.invalid("Status", status, "Member must satisfy enum value set: [ENABLED, DISABLED]");
      }
      return new UpdateAccountSettings.Request(MinimumThroughputBillingCommitmentStatus.valueOf(status));
    }

    @Override
    public void writeResponse(
        UpdateAccountSettings.Response response, JsonGenerator out, TimestampEncoding timestamps) throws IOException {
      write(response.minimumThroughputBillingCommitment(), out, timestamps);
    }
  }
}
