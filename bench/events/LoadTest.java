import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A small closed-loop load generator for bench/events (loopback only, bounded in time): for each endpoint,
 * a warm-up, then CONCURRENCY clients send requests back to back for SECONDS; prints requests per second
 * and latency percentiles, and each endpoint's ratio to the hello-world baseline measured in the same run.
 *
 * Usage: java LoadTest.java BASE_URL SECONDS CONCURRENCY name=path ...   (the first endpoint is the baseline)
 * The warm-up per endpoint is WARMUP_SECONDS (default 30; the JIT needs about that long to reach steady state).
 */
public class LoadTest {

    record Result(String name, String path, long requests, long errors, double seconds, long p50, long p99, long bytes) {
        double rps() {
            return requests / seconds;
        }
    }

    public static void main(String[] args) throws Exception {
        String base = args[0];
        if (!URI.create(base).getHost().matches("127\\.\\d+\\.\\d+\\.\\d+|localhost|\\[?::1]?")) {
            throw new IllegalArgumentException("loopback only");
        }
        int seconds = Math.min(Integer.parseInt(args[1]), 120);
        int concurrency = Math.min(Integer.parseInt(args[2]), 64);
        int warmup = Math.min(Integer.parseInt(System.getenv().getOrDefault("WARMUP_SECONDS", "30")), 120);
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        List<Result> results = new ArrayList<>();
        for (int i = 3; i < args.length; i++) {
            String[] endpoint = args[i].split("=", 2);
            run(client, base + endpoint[1], warmup, concurrency); // warm-up
            Result r = run(client, base + endpoint[1], seconds, concurrency);
            results.add(new Result(endpoint[0], endpoint[1], r.requests(), r.errors(), r.seconds(), r.p50(), r.p99(), r.bytes()));
            System.err.printf("  %-12s done: %.0f req/s%n", endpoint[0], r.rps());
        }
        Result baseline = results.getFirst();
        System.out.printf("%n%-12s %10s %9s %9s %9s %8s %11s %11s%n", "endpoint", "req/s", "p50 ms", "p99 ms", "KB/resp", "errors",
                "rps÷hello", "p99×hello");
        for (Result r : results) {
            System.out.printf("%-12s %10.1f %9.2f %9.2f %9.1f %8d %11.4f %11.1f%n", r.name(), r.rps(), r.p50() / 1e6, r.p99() / 1e6,
                    r.requests() == 0 ? 0 : r.bytes() / 1024.0 / r.requests(), r.errors(), r.rps() / baseline.rps(),
                    (double) r.p99() / Math.max(1, baseline.p99()));
        }
        System.out.printf("%nconcurrency %d, %d s per endpoint after a warm-up of %d s; baseline: %s (%s)%n", concurrency, seconds,
                warmup, baseline.name(), baseline.path());
    }

    static Result run(HttpClient client, String url, int seconds, int concurrency) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        AtomicLong errors = new AtomicLong();
        AtomicLong bytes = new AtomicLong();
        List<long[]> perClient = new ArrayList<>();
        long started = System.nanoTime();
        try (ExecutorService pool = Executors.newFixedThreadPool(concurrency)) {
            for (int c = 0; c < concurrency; c++) {
                long[][] holder = new long[1][];
                pool.submit(() -> {
                    long[] latencies = new long[1 << 16];
                    int n = 0;
                    HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET().build();
                    while (System.nanoTime() < deadline) {
                        long t0 = System.nanoTime();
                        try {
                            HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
                            if (response.statusCode() != 200) {
                                errors.incrementAndGet();
                            }
                            bytes.addAndGet(response.body().length);
                        } catch (Exception e) {
                            errors.incrementAndGet();
                        }
                        if (n == latencies.length) {
                            latencies = Arrays.copyOf(latencies, n * 2);
                        }
                        latencies[n++] = System.nanoTime() - t0;
                    }
                    synchronized (perClient) {
                        perClient.add(Arrays.copyOf(latencies, n));
                    }
                    return null;
                });
            }
        }
        double elapsed = (System.nanoTime() - started) / 1e9;
        long[] all = perClient.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        long p50 = all.length == 0 ? 0 : all[(int) Math.min(all.length - 1, Math.floor(all.length * 0.50))];
        long p99 = all.length == 0 ? 0 : all[(int) Math.min(all.length - 1, Math.floor(all.length * 0.99))];
        return new Result("", url, all.length, errors.get(), elapsed, p50, p99, bytes.get());
    }
}
