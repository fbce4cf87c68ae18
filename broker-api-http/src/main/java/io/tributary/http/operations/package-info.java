/**
 * One {@link io.tributary.http.operations.OperationMapper} per Kinesis operation, and the dispatch
 * table that binds each to its core operation ({@link io.tributary.http.operations.OperationTable}).
 * The wire ends here: past a mapper, everything is a domain type.
 */
package io.tributary.http.operations;
