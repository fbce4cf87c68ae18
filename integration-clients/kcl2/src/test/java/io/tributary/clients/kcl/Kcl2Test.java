package io.tributary.clients.kcl;

import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.kinesis.leases.LeaseManagementConfig;

/**
 * {@link KclScenarios} with the Kinesis Client Library 2.x, which makes its lease table in
 * dynalite by itself and needs nothing else.
 */
class Kcl2Test extends KclScenarios {

  @Override
  KclVersion version() {
    return new KclVersion() {
      @Override
      public void prepareTables(DynamoDbAsyncClient dynamo, String applicationName) {
        // KCL 2.x creates its lease table (hash key leaseKey) on start-up and needs no other.
      }

      @Override
      public void tuneForTests(LeaseManagementConfig leases) {
        // Every timing KCL 2.x has, 3.x has too; KclWorker sets them.
      }
    };
  }
}
