package io.tributary.clients.kcl;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import software.amazon.awssdk.services.cloudwatch.CloudWatchAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.kinesis.KinesisAsyncClient;
import software.amazon.kinesis.common.ConfigsBuilder;
import software.amazon.kinesis.common.InitialPositionInStream;
import software.amazon.kinesis.common.InitialPositionInStreamExtended;
import software.amazon.kinesis.coordinator.Scheduler;
import software.amazon.kinesis.leases.LeaseManagementConfig;
import software.amazon.kinesis.metrics.NullMetricsFactory;
import software.amazon.kinesis.processor.SingleStreamTracker;
import software.amazon.kinesis.retrieval.RetrievalConfig;
import software.amazon.kinesis.retrieval.polling.PollingConfig;

/**
 * One KCL worker: a {@link Scheduler} of one application on one stream, running on a thread of
 * its own and handing records to a {@link RecordCollector}.
 *
 * <p>Everything is as the KCL's {@link ConfigsBuilder} makes it, with four exceptions: reading
 * starts at TRIM_HORIZON (the default, LATEST, would skip what a test put before the worker took
 * its leases); metrics go nowhere ({@link NullMetricsFactory}: no CloudWatch); the timings are
 * seconds instead of minutes, so a test sees leases taken, child shards picked up and parents
 * waited for quickly; and {@link Retrieval#POLLING} swaps fan-out for GetRecords polling.
 *
 * <p>Confined to the test thread.
 */
final class KclWorker implements AutoCloseable {
  private static final Duration SHUTDOWN_TIMEOUT = Duration.ofSeconds(30);

  /** How the worker reads its shards. */
  enum Retrieval {
    /** The KCL's default: enhanced fan-out, SubscribeToShard over HTTP/2. */
    FAN_OUT,
    /** GetRecords, every 200 ms (the KCL's minimum). */
    POLLING
  }

  /** The clients every worker of a test class shares, and what its KCL version needs besides. */
  record Clients(
      KinesisAsyncClient kinesis,
      DynamoDbAsyncClient dynamo,
      CloudWatchAsyncClient cloudWatch,
      Consumer<LeaseManagementConfig> versionTuning) {}

  private final Scheduler scheduler;
  private final Thread thread;

  private KclWorker(Scheduler scheduler, String applicationName) {
    this.scheduler = scheduler;
    this.thread = new Thread(scheduler, "kcl-scheduler-" + applicationName);
    thread.setDaemon(true);
  }

  /** Starts a worker of {@code applicationName} on {@code streamName}. */
  static KclWorker start(
      Clients clients, String streamName, String applicationName, Retrieval retrieval, RecordCollector collector) {
    SingleStreamTracker stream = new SingleStreamTracker(
        streamName, InitialPositionInStreamExtended.newInitialPosition(InitialPositionInStream.TRIM_HORIZON));
    ConfigsBuilder configs = new ConfigsBuilder(stream, applicationName, clients.kinesis(), clients.dynamo(),
        clients.cloudWatch(), applicationName + "-worker-" + UUID.randomUUID(), collector);

    LeaseManagementConfig leases = configs.leaseManagementConfig()
        .failoverTimeMillis(3_000)
        .shardSyncIntervalMillis(1_000)
        .listShardsBackoffTimeInMillis(200);
    clients.versionTuning().accept(leases);

    RetrievalConfig retrievalConfig = configs.retrievalConfig();
    if (retrieval == Retrieval.POLLING) {
      retrievalConfig.retrievalSpecificConfig(
          new PollingConfig(streamName, clients.kinesis()).idleTimeBetweenReadsInMillis(200));
    }

    Scheduler scheduler = new Scheduler(
        configs.checkpointConfig(),
        configs.coordinatorConfig()
            .parentShardPollIntervalMillis(200)
            .shardConsumerDispatchPollIntervalMillis(100)
            .schedulerInitializationBackoffTimeMillis(200),
        leases,
        configs.lifecycleConfig(),
        configs.metricsConfig().metricsFactory(new NullMetricsFactory()),
        configs.processorConfig(),
        retrievalConfig);
    KclWorker worker = new KclWorker(scheduler, applicationName);
    worker.thread.start();
    return worker;
  }

  /**
   * Shuts the worker down as an application should before it exits: every record processor is
   * asked to checkpoint, then the leases are given up. Waits for the scheduler's thread to end.
   */
  void shutDownGracefully() {
    try {
      Boolean done = scheduler.startGracefulShutdown().get(SHUTDOWN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      if (!Boolean.TRUE.equals(done)) {
        throw new AssertionError("the KCL's graceful shutdown did not complete");
      }
      thread.join(SHUTDOWN_TIMEOUT.toMillis());
    } catch (ExecutionException | TimeoutException e) {
      throw new AssertionError("the KCL's graceful shutdown failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  /**
   * Stops the worker at once, without asking the record processors to checkpoint, if it is
   * still running.
   */
  void shutDownNow() {
    if (thread.isAlive()) {
      scheduler.shutdown();
      try {
        thread.join(SHUTDOWN_TIMEOUT.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** {@link #shutDownNow()}: a worker a test is done with stops, whatever happened. */
  @Override
  public void close() {
    shutDownNow();
  }
}
