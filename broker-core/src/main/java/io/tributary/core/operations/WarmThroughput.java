package io.tributary.core.operations;

import java.util.OptionalInt;

/**
 * The warm throughput of an on-demand stream (the API's {@code WarmThroughputObject}).
 *
 * @param targetMiBps what was asked for
 * @param currentMiBps what the stream is scaled to now; empty while it is still scaling
 */
public record WarmThroughput(OptionalInt targetMiBps, OptionalInt currentMiBps) {}
