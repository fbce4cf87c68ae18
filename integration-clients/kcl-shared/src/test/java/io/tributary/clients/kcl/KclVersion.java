package io.tributary.clients.kcl;

import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.kinesis.leases.LeaseManagementConfig;

/** What one major version of the KCL needs that the others do not. */
interface KclVersion {

  /**
   * Readies dynalite for a new application before its first worker starts: whatever tables this
   * version needs that it cannot make in dynalite by itself.
   */
  void prepareTables(DynamoDbAsyncClient dynamo, String applicationName);

  /** Shortens, for tests, the timings that only this version has. */
  void tuneForTests(LeaseManagementConfig leases);
}
