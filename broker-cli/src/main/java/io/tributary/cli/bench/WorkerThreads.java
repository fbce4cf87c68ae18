package io.tributary.cli.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;

/**
 * N named platform threads running the same body with their index, and the first exception any
 * of them threw. Benchmark workers are threads, not pool tasks, so each owns its connection for
 * the whole run.
 *
 * <p>Thread-safe: started and joined by the scenario's thread; the failure slot is atomic.
 */
final class WorkerThreads {

    private final List<Thread> threads = new ArrayList<>();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();

    WorkerThreads(String name, int count, IntConsumer body) {
        for (int i = 0; i < count; i++) {
            int index = i;
            Thread thread = new Thread(() -> {
                try {
                    body.accept(index);
                } catch (RuntimeException | Error e) {
                    failure.compareAndSet(null, e);
                }
            }, name + "-" + i);
            thread.setDaemon(true);
            threads.add(thread);
        }
    }

    WorkerThreads start() {
        threads.forEach(Thread::start);
        return this;
    }

    /** Waits for every thread; rethrows the first failure, if any. */
    void join() throws InterruptedException {
        for (Thread thread : threads) {
            thread.join();
        }
        Throwable first = failure.get();
        if (first instanceof RuntimeException e) {
            throw e;
        }
        if (first instanceof Error e) {
            throw e;
        }
    }
}
