package org.hotline.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A closed-loop load: {@code concurrency} clients, each starting its next operation as soon as the last one finished,
 * for a fixed time. Throughput then follows from how fast the system answers, which is what a rate is measured by.
 */
final class ClosedLoop {

    /** One client: its resources (a connection, say) are opened when it is made and closed when the time is up. */
    interface Client extends AutoCloseable {

        /** One operation; true when its time counts (an accepted answer, a committed row). */
        boolean call() throws Exception;

        @Override
        default void close() throws Exception {
        }
    }

    private ClosedLoop() {
    }

    /** Runs the clients {@code newClient} makes for {@code time}; the counted operations' latencies and rate. */
    static Latencies run(int concurrency, Duration time, Callable<Client> newClient) throws Exception {
        ConcurrentLinkedQueue<Long> nanos = new ConcurrentLinkedQueue<>();
        ExecutorService clients = Executors.newFixedThreadPool(concurrency);
        long start = System.nanoTime();
        long end = start + time.toNanos();
        List<Future<?>> running = new ArrayList<>();
        try {
            for (int c = 0; c < concurrency; c++) {
                running.add(clients.submit(() -> {
                    try (Client client = newClient.call()) {
                        while (System.nanoTime() < end) {
                            long sent = System.nanoTime();
                            if (client.call()) {
                                nanos.add(System.nanoTime() - sent);
                            }
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> client : running) {
                client.get();
            }
        } finally {
            clients.shutdownNow();
        }
        return Latencies.of(nanos, (System.nanoTime() - start) / 1e9);
    }
}
