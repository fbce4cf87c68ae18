package io.tributary.clients.kcl;

import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.kinesis.leases.LeaseManagementConfig;

/**
 * What the Kinesis Client Library 3.x needs to run against dynalite and to react in seconds.
 *
 * <p>KCL 3.x finds its leases by owner through a global secondary index on its lease table,
 * {@code LeaseOwnerToLeaseKeyIndex} (hash key {@code leaseOwner}, range key {@code leaseKey}, keys
 * only). It creates the table without the index and then adds the index with UpdateTable, which
 * dynalite accepts but ignores, so KCL 3.x would wait for the index forever. Here the table is
 * created beforehand, with the index, as KCL 3.x itself would leave it (its
 * {@code DynamoDBLeaseRefresher} and {@code DynamoDBLeaseSerializer}): named after the
 * application, on demand. KCL 3.x's two other tables, {@code APP-CoordinatorState} and
 * {@code APP-WorkerMetricStats}, have no index; it makes them by itself.
 *
 * <p>Immutable; thread-safe.
 */
final class Kcl3 implements KclVersion {
  static final String LEASE_OWNER_INDEX = "LeaseOwnerToLeaseKeyIndex";

  @Override
  public void prepareTables(DynamoDbAsyncClient dynamo, String applicationName) {
    dynamo.createTable(b -> b
        .tableName(applicationName)
        .billingMode(BillingMode.PAY_PER_REQUEST)
        .attributeDefinitions(
            AttributeDefinition.builder().attributeName("leaseKey").attributeType(ScalarAttributeType.S).build(),
            AttributeDefinition.builder().attributeName("leaseOwner").attributeType(ScalarAttributeType.S).build())
        .keySchema(KeySchemaElement.builder().attributeName("leaseKey").keyType(KeyType.HASH).build())
        .globalSecondaryIndexes(GlobalSecondaryIndex.builder()
            .indexName(LEASE_OWNER_INDEX)
            .keySchema(
                KeySchemaElement.builder().attributeName("leaseOwner").keyType(KeyType.HASH).build(),
                KeySchemaElement.builder().attributeName("leaseKey").keyType(KeyType.RANGE).build())
            .projection(p -> p.projectionType(ProjectionType.KEYS_ONLY))
            .build()))
        .join();
  }

  @Override
  public void tuneForTests(LeaseManagementConfig leases) {
    // The leader, which alone assigns leases in 3.x, holds a DynamoDB lock for 2 minutes by
    // default; a worker started after another stopped would wait that long to lead.
    leases.dynamoDbLockBasedLeaderLeaseDurationInMillis(6_000)
        .dynamoDbLockBasedLeaderHeartbeatPeriodInMillis(1_000);
    // The leader takes a worker for dead, and hands its leases to others, once it has missed two
    // metrics reports: a minute by default, 4 s here.
    leases.workerUtilizationAwareAssignmentConfig().workerMetricsReporterFreqInMillis(2_000);
  }
}
