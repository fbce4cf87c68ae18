package io.tributary.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;
import ch.qos.logback.core.status.NopStatusListener;

/**
 * The {@code tributary} command's logging, set up in code: one line per event to standard error,
 * so that standard output carries only the {@code Tributary listening on ...} line; {@code
 * io.tributary} at INFO ({@code serve --log-level} changes it), {@code io.netty}, {@code
 * org.rocksdb} and everything else at WARN.
 *
 * <p>Logback finds it through {@code META-INF/services} before its own configurators. It replaces
 * a {@code logback.xml} because parsing one with Joran was 55-75 ms of the main thread's CPU at
 * start-up (async-profiler), about a fifth of it with the start-up archive. It steps aside, and
 * logback configures itself as usual, when {@code -Dlogback.configurationFile} names a file or a
 * {@code logback-test.xml} is on the class path (tests that put the broker in their own JVM).
 *
 * <p>Logback calls it once, from the thread that first asks for a logger.
 */
public final class ConsoleLogConfigurator extends ContextAwareBase implements Configurator {
  private static final String PATTERN =
      "%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} %-5level [%thread] %logger{0} - %msg%n";

  /** For logback's service loader. */
  public ConsoleLogConfigurator() {}

  @Override
  public ExecutionStatus configure(LoggerContext context) {
    if (System.getProperty("logback.configurationFile") != null
        || ConsoleLogConfigurator.class.getClassLoader().getResource("logback-test.xml") != null) {
      return ExecutionStatus.INVOKE_NEXT_IF_ANY;
    }
    context.getStatusManager().add(new NopStatusListener());

    PatternLayoutEncoder encoder = new PatternLayoutEncoder();
    encoder.setContext(context);
    encoder.setPattern(PATTERN);
    encoder.start();
    ConsoleAppender<ILoggingEvent> stderr = new ConsoleAppender<>();
    stderr.setContext(context);
    stderr.setName("STDERR");
    stderr.setTarget("System.err");
    stderr.setEncoder(encoder);
    stderr.start();

    context.getLogger("io.tributary").setLevel(Level.INFO);
    context.getLogger("io.netty").setLevel(Level.WARN);
    context.getLogger("org.rocksdb").setLevel(Level.WARN);
    ch.qos.logback.classic.Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    root.setLevel(Level.WARN);
    root.addAppender(stderr);
    return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
  }
}
