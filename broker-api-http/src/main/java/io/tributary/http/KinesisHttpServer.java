package io.tributary.http;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.GlobalEventExecutor;
import io.tributary.core.Broker;
import io.tributary.http.auth.AccountResolver;
import io.tributary.http.operations.OperationTable;
import io.tributary.http.protocol.RequestProcessor;
import io.tributary.http.protocol.RequestValidator;
import io.tributary.http.tls.ServerSslContext;
import io.tributary.http.tls.TlsConfig;
import io.tributary.http.validation.ModelValidator;
import io.tributary.http.wire.WireCodec;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Kinesis HTTP endpoint of a {@link Broker}: a Netty server speaking the Kinesis JSON 1.1
 * and CBOR protocols, as the AWS SDKs, the AWS CLI and boto3 send them, over HTTP/1.1 and HTTP/2
 * on the plain port and, if configured, on a TLS port too (see {@code KinesisChannelInitializer}).
 *
 * <p>Event loops move bytes; operations, which block on storage, run on a bounded pool of
 * {@code tributary-op-N} threads, except a PutRecord that can be answered without blocking (see
 * {@code package-info}).
 *
 * <p>Thread-safe. {@link #close()} is idempotent.
 */
public final class KinesisHttpServer implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(KinesisHttpServer.class);
  /** Requests waiting for an operation thread, per thread, before new ones get 503. */
  private static final int QUEUED_REQUESTS_PER_THREAD = 64;
  private static final long DRAIN_TIMEOUT_SECONDS = 30;
  private static final long CLOSE_TIMEOUT_SECONDS = 5;

  private final EventLoopGroup acceptors;
  private final EventLoopGroup workers;
  private final ThreadPoolExecutor operations;
  private final ChannelGroup connections;
  private final Channel serverChannel;
  private final InetSocketAddress address;
  private final Optional<Channel> tlsServerChannel;
  private final AtomicInteger closed = new AtomicInteger();

  /**
   * @param host the address to bind, e.g. {@code 0.0.0.0} or {@code 127.0.0.1}
   * @param port the port; 0 binds an ephemeral one, see {@link #port()}
   * @param maxRequestBytes the largest request body accepted; larger ones get 413
   * @param operationThreads how many operations run at once
   * @param tls the TLS port, if one is wanted
   * @param inFlightRequestBytes how many bytes of request bodies the server holds at once, from
   *     headers to answer; a request that would go over gets 503 ServiceUnavailable (one request
   *     alone is always admitted)
   */
  public record HttpServerConfig(String host, int port, int maxRequestBytes, int operationThreads,
      Optional<TlsConfig> tls, long inFlightRequestBytes) {
    /** Bodies up to 16 MiB: a full 10 MiB PutRecords in base64 JSON (about 13.4 MiB) fits. */
    public static final int DEFAULT_MAX_REQUEST_BYTES = 16 * 1024 * 1024;
    public static final int DEFAULT_OPERATION_THREADS = 64;

    public HttpServerConfig {
      Objects.requireNonNull(host, "host");
      if (port < 0 || port > 65_535) {
        throw new IllegalArgumentException("port out of [0, 65535]: " + port);
      }
      if (maxRequestBytes < 1) {
        throw new IllegalArgumentException("maxRequestBytes must be positive: " + maxRequestBytes);
      }
      if (operationThreads < 1) {
        throw new IllegalArgumentException("operationThreads must be positive: " + operationThreads);
      }
      Objects.requireNonNull(tls, "tls");
      if (inFlightRequestBytes < 1) {
        throw new IllegalArgumentException("inFlightRequestBytes must be positive: " + inFlightRequestBytes);
      }
    }

    /**
     * Without a TLS port, holding at most a quarter of the JVM's largest heap in request bodies
     * (and at least one request of {@code maxRequestBytes}).
     */
    public HttpServerConfig(String host, int port, int maxRequestBytes, int operationThreads) {
      this(host, port, maxRequestBytes, operationThreads, Optional.empty(),
          RequestBudget.defaultCapacity(maxRequestBytes));
    }

    /** The same, with a TLS port as well. */
    public HttpServerConfig withTls(TlsConfig tlsConfig) {
      return new HttpServerConfig(host, port, maxRequestBytes, operationThreads, Optional.of(tlsConfig),
          inFlightRequestBytes);
    }

    /** The same, holding at most {@code bytes} of request bodies at once. */
    public HttpServerConfig withInFlightRequestBytes(long bytes) {
      return new HttpServerConfig(host, port, maxRequestBytes, operationThreads, tls, bytes);
    }

    public static HttpServerConfig defaults(String host, int port) {
      return new HttpServerConfig(host, port, DEFAULT_MAX_REQUEST_BYTES, DEFAULT_OPERATION_THREADS);
    }
  }

  private KinesisHttpServer(HttpServerConfig config, RequestProcessor processor, Clock clock) {
    this.operations = new ThreadPoolExecutor(config.operationThreads(), config.operationThreads(), 0,
        TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(config.operationThreads() * QUEUED_REQUESTS_PER_THREAD),
        operationThreadFactory());
    this.acceptors = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("tributary-accept"),
        NioIoHandler.newFactory());
    this.workers = new MultiThreadIoEventLoopGroup(0, new DefaultThreadFactory("tributary-io"),
        NioIoHandler.newFactory());
    this.connections = new DefaultChannelGroup("tributary-connections", GlobalEventExecutor.INSTANCE);
    ResponseFactory responses = new ResponseFactory(new WireCodec(), clock, () -> UUID.randomUUID().toString());
    Channel plain = null;
    try {
      RequestBudget budget = new RequestBudget(config.inFlightRequestBytes());
      plain = bind(config.host(), config.port(), new KinesisChannelInitializer(processor, operations, responses,
          config.maxRequestBytes(), budget, connections));
      if (config.tls().isPresent()) {
        TlsConfig tls = config.tls().get();
        this.tlsServerChannel = Optional.of(bind(config.host(), tls.port(), new KinesisChannelInitializer(processor,
            operations, responses, config.maxRequestBytes(), budget, connections,
            Optional.of(ServerSslContext.build(tls, clock)))));
      } else {
        this.tlsServerChannel = Optional.empty();
      }
    } catch (RuntimeException e) {
      if (plain != null) {
        plain.close().syncUninterruptibly();
      }
      shutDownThreads();
      throw e;
    }
    this.serverChannel = plain;
    this.address = (InetSocketAddress) serverChannel.localAddress();
    log.info("Kinesis endpoint listening on {}:{}", address.getHostString(), address.getPort());
    tlsServerChannel.ifPresent(channel -> log.info("Kinesis TLS endpoint listening on {}:{}",
        address.getHostString(), ((InetSocketAddress) channel.localAddress()).getPort()));
  }

  private Channel bind(String host, int port, KinesisChannelInitializer initializer) {
    return new ServerBootstrap()
        .group(acceptors, workers)
        .channel(NioServerSocketChannel.class)
        .option(ChannelOption.SO_BACKLOG, 1024)
        .childOption(ChannelOption.TCP_NODELAY, true)
        .childHandler(initializer)
        .bind(host, port).syncUninterruptibly().channel();
  }

  /**
   * Binds and returns once listening. Requests use the broker's default account, and the region
   * of their SigV4 credential scope (the broker's default region without one).
   */
  public static KinesisHttpServer start(HttpServerConfig config, Broker broker) {
    return start(config, broker, AccountResolver.defaultAccountOnly());
  }

  /**
   * Binds and returns once listening. A request's account is the one {@code accounts} maps its
   * access key to, or the broker's default account; its region is that of its SigV4 credential
   * scope, or the broker's default region.
   */
  public static KinesisHttpServer start(HttpServerConfig config, Broker broker, AccountResolver accounts) {
    return start(config, broker, ModelValidator.load(), accounts);
  }

  /**
   * As {@link #start(HttpServerConfig, Broker, AccountResolver)}, with the validator given: one
   * {@link ModelValidator#load()} made beforehand, for example on another thread while the store
   * opens.
   */
  public static KinesisHttpServer start(
      HttpServerConfig config, Broker broker, ModelValidator validator, AccountResolver accounts) {
    return start(config, broker, validator, accounts, Clock.systemUTC());
  }

  /** As {@link #start(HttpServerConfig, Broker)}, with the validator, account mapping and clock given. */
  static KinesisHttpServer start(
      HttpServerConfig config, Broker broker, RequestValidator validator, AccountResolver accounts, Clock clock) {
    RequestProcessor processor =
        new RequestProcessor(OperationTable.of(broker), validator, accounts, broker.config(), new WireCodec());
    return new KinesisHttpServer(config, processor, clock);
  }

  /** The bound port: the configured one, or the ephemeral one chosen for port 0. */
  public int port() {
    return address.getPort();
  }

  /** The bound TLS port, if the server has one: the configured one, or the ephemeral one chosen for 0. */
  public OptionalInt tlsPort() {
    return tlsServerChannel.isPresent()
        ? OptionalInt.of(((InetSocketAddress) tlsServerChannel.get().localAddress()).getPort())
        : OptionalInt.empty();
  }

  /** The bound address, as configured. */
  public String host() {
    return address.getHostString();
  }

  /**
   * Stops gracefully: stops accepting connections, lets the operations in progress finish and
   * their answers reach the clients (requests arriving meanwhile get 503), closes every
   * connection and stops the event loops and the operation threads.
   */
  @Override
  public void close() {
    if (closed.getAndIncrement() > 0) {
      return;
    }
    serverChannel.close().syncUninterruptibly();
    tlsServerChannel.ifPresent(channel -> channel.close().syncUninterruptibly());
    operations.shutdown();
    try {
      if (!operations.awaitTermination(DRAIN_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        log.warn("Operations still running after {} s; stopping anyway", DRAIN_TIMEOUT_SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    for (Channel connection : connections) {
      connection.pipeline().fireUserEventTriggered(KinesisRequestHandler.CloseWhenIdle.INSTANCE);
    }
    connections.newCloseFuture().awaitUninterruptibly(CLOSE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    shutDownThreads();
    log.info("Kinesis endpoint on port {} stopped", address.getPort());
  }

  private void shutDownThreads() {
    operations.shutdownNow();
    acceptors.shutdownGracefully(0, CLOSE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    workers.shutdownGracefully(0, CLOSE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    acceptors.terminationFuture().awaitUninterruptibly(CLOSE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    workers.terminationFuture().awaitUninterruptibly(CLOSE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
  }

  private static ThreadFactory operationThreadFactory() {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, "tributary-op-" + count.incrementAndGet());
      thread.setDaemon(false);
      return thread;
    };
  }
}
