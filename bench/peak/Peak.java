// The simulated peak of bench/peak/run.sh (and the fixed-rate signing of bench/mail/run.sh): new signers at a
// fixed rate through the public API, each from an address of its own; a population that reads its mail from
// the SMTP sink's dump file and presses the confirm button for a share of it; readers loading the appeal page.
// Everything goes to 127.0.0.1 only. Run with: java bench/peak/Peak.java KEY=VALUE...
//   base=http://127.0.0.1:18090 slug=global-week-of-action rate=333 seconds=180 dump=FILE run=ID
//   confirm=0.8 readers=4 drain=180
import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public class Peak {

    static final Map<String, String> ARGS = new HashMap<>();
    static final Pattern LINK = Pattern.compile("/appeal/confirm/([A-Za-z0-9_\\-]+)");

    static String arg(String key, String fallback) {
        return ARGS.getOrDefault(key, fallback);
    }

    public static void main(String[] args) throws Exception {
        for (String a : args) {
            ARGS.put(a.substring(0, a.indexOf('=')), a.substring(a.indexOf('=') + 1));
        }
        String base = arg("base", "http://127.0.0.1:18090");
        if (!base.startsWith("http://127.0.0.1:")) {
            throw new IllegalArgumentException("the peak loads this machine only");
        }
        String slug = arg("slug", "global-week-of-action");
        int rate = Integer.parseInt(arg("rate", "333"));
        int seconds = Integer.parseInt(arg("seconds", "180"));
        double confirmShare = Double.parseDouble(arg("confirm", "0.8"));
        int readers = Integer.parseInt(arg("readers", "4"));
        int drain = Integer.parseInt(arg("drain", "180"));
        String run = arg("run", "peak");
        String dump = arg("dump", null);
        int total = rate * seconds;

        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
                .executor(Executors.newFixedThreadPool(8)).build();
        long[] signedAt = new long[total];
        long[] ackAt = new long[total];
        long[] deliveredAt = new long[total];
        AtomicInteger acknowledged = new AtomicInteger();
        AtomicInteger signFailures = new AtomicInteger();
        Map<Integer, AtomicInteger> failureStatus = new ConcurrentHashMap<>();
        Semaphore inFlight = new Semaphore(512);
        long countBefore = count(http, base, slug);

        // the population: reads the sink's dump and confirms
        AtomicInteger delivered = new AtomicInteger();
        AtomicInteger confirmed = new AtomicInteger();
        AtomicInteger confirmFailures = new AtomicInteger();
        AtomicInteger unreadable = new AtomicInteger();
        ExecutorService confirmers = Executors.newFixedThreadPool(4);
        AtomicInteger confirmsPending = new AtomicInteger();
        Pattern own = Pattern.compile("peak-" + Pattern.quote(run) + "-(\\d+)@example\\.org");
        volatileStop[0] = false;
        Thread reader = new Thread(() -> tail(dump, message -> {
            Matcher to = own.matcher(message);
            if (!to.find()) {
                return; // a mail of an earlier phase or run
            }
            int n = Integer.parseInt(to.group(1));
            if (n >= total || deliveredAt[n] != 0) {
                return;
            }
            deliveredAt[n] = System.nanoTime();
            delivered.incrementAndGet();
            Matcher link = LINK.matcher(decodedBody(message));
            if (!link.find()) {
                unreadable.incrementAndGet();
                return;
            }
            if ((n % 100) < confirmShare * 100) {
                String token = link.group(1);
                confirmsPending.incrementAndGet();
                confirmers.submit(() -> {
                    try {
                        if (confirm(http, base, token, ip(n))) {
                            confirmed.incrementAndGet();
                        } else {
                            confirmFailures.incrementAndGet();
                        }
                    } finally {
                        confirmsPending.decrementAndGet();
                    }
                });
            }
        }), "population");
        if (dump != null) {
            reader.setDaemon(true);
            reader.start();
        }

        // readers of the appeal page
        AtomicLong pageViews = new AtomicLong();
        AtomicInteger pageFailures = new AtomicInteger();
        ConcurrentLinkedQueue<Long> pageMillis = new ConcurrentLinkedQueue<>();
        List<Thread> readerThreads = new ArrayList<>();
        for (int r = 0; r < readers; r++) {
            int me = r;
            Thread t = new Thread(() -> {
                int i = 0;
                while (!volatileStop[0]) {
                    long start = System.nanoTime();
                    try {
                        HttpResponse<Void> page = http.send(HttpRequest.newBuilder(URI.create(base + "/appeals/" + slug))
                                .header("X-Forwarded-For", "10.250." + me + "." + (i++ % 250)).header("Accept-Language", "en")
                                .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.discarding());
                        if (page.statusCode() == 200) {
                            pageViews.incrementAndGet();
                            pageMillis.add((System.nanoTime() - start) / 1_000_000);
                        } else {
                            pageFailures.incrementAndGet();
                        }
                        Thread.sleep(50);
                    } catch (InterruptedException e) {
                        return;
                    } catch (IOException e) {
                        pageFailures.incrementAndGet();
                    }
                }
            }, "reader-" + r);
            t.setDaemon(true);
            t.start();
            readerThreads.add(t);
        }

        // the signers, at a fixed rate
        System.out.printf("signing: %d new signers a second for %d s (%d), run %s%n", rate, seconds, total, run);
        long start = System.nanoTime();
        for (int n = 0; n < total; n++) {
            long due = start + (long) n * 1_000_000_000L / rate;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            inFlight.acquire();
            int me = n;
            signedAt[me] = System.nanoTime();
            http.sendAsync(signRequest(base, slug, run, me), HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
                inFlight.release();
                if (error == null && response.statusCode() / 100 == 2) {
                    ackAt[me] = System.nanoTime();
                    acknowledged.incrementAndGet();
                } else {
                    signFailures.incrementAndGet();
                    failureStatus.computeIfAbsent(error != null ? -1 : response.statusCode(), k -> new AtomicInteger()).incrementAndGet();
                }
            });
        }
        inFlight.acquire(512);
        double signSeconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("signing done in %.1f s; waiting up to %d s for the mail%n", signSeconds, drain);

        long drainDeadline = System.nanoTime() + drain * 1_000_000_000L;
        while (dump != null && delivered.get() < acknowledged.get() && System.nanoTime() < drainDeadline) {
            Thread.sleep(100);
        }
        long allDelivered = System.nanoTime();
        while (confirmsPending.get() > 0 && System.nanoTime() < drainDeadline + 60_000_000_000L) {
            Thread.sleep(100);
        }
        volatileStop[0] = true;
        readerThreads.forEach(Thread::interrupt);
        confirmers.shutdown();

        long[] delays = new long[total];
        int d = 0;
        int lost = 0;
        for (int n = 0; n < total; n++) {
            if (ackAt[n] != 0 && deliveredAt[n] != 0) {
                delays[d++] = (deliveredAt[n] - signedAt[n]) / 1_000_000;
            } else if (ackAt[n] != 0) {
                lost++;
            }
        }
        long[] delay = Arrays.copyOf(delays, d);
        Arrays.sort(delay);
        Long[] pages = pageMillis.toArray(Long[]::new);
        Arrays.sort(pages);

        System.out.printf("result acknowledged=%d sign_failures=%d sign_rate=%.1f delivered=%d undelivered_acknowledged=%d"
                        + " delivery_p50_ms=%d delivery_p99_ms=%d delivery_max_ms=%d drained_after_s=%.1f unreadable=%d"
                        + " confirmed=%d confirm_failures=%d page_views=%d page_failures=%d page_p99_ms=%d count_before=%d%n",
                acknowledged.get(), signFailures.get(), acknowledged.get() / signSeconds, delivered.get(), lost,
                pct(delay, 0.50), pct(delay, 0.99), d == 0 ? -1 : delay[d - 1], (allDelivered - start) / 1e9 - signSeconds,
                unreadable.get(), confirmed.get(), confirmFailures.get(), pageViews.get(), pageFailures.get(),
                pages.length == 0 ? -1 : pages[Math.min(pages.length - 1, (int) Math.ceil(pages.length * 0.99) - 1)], countBefore);
        if (!failureStatus.isEmpty()) {
            System.out.println("sign failures by status (-1: no answer): " + failureStatus);
        }
        System.exit(0);
    }

    static final boolean[] volatileStop = {false};

    static long pct(long[] sorted, double p) {
        return sorted.length == 0 ? -1 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(sorted.length * p) - 1)];
    }

    static String ip(int n) {
        return String.format("10.%d.%d.%d", 100 + (n >> 16 & 0x7f), n >> 8 & 0xff, n & 0xff);
    }

    static HttpRequest signRequest(String base, String slug, String run, int n) {
        String[] countries = {"BE", "UA", "PL", "DE", "FR", "GB", "US", "NL", "SE", "LT", "CZ", "GE"};
        String body = String.format("{\"kind\":\"INDIVIDUAL\",\"name\":\"Peak Signer %d\",\"email\":\"peak-%s-%d@example.org\","
                + "\"country\":\"%s\",\"city\":\"\",\"display\":\"FULL_NAME\",\"comment\":\"\",\"updates\":false,\"language\":\"en\"}",
                n, run, n, countries[n % countries.length]);
        return HttpRequest.newBuilder(URI.create(base + "/api/v1/appeals/" + slug + "/signatures"))
                .header("Content-Type", "application/json").header("Accept-Language", "en").header("X-Forwarded-For", ip(n))
                .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    /** Opens the confirmation page, then presses its button (a form without token or cookie, posted from the page). */
    static boolean confirm(HttpClient http, String base, String token, String ip) {
        try {
            HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(base + "/appeal/confirm/" + token))
                    .header("X-Forwarded-For", ip).header("Accept-Language", "en").timeout(Duration.ofSeconds(30)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (page.statusCode() != 200) {
                return false;
            }
            HttpResponse<Void> pressed = http.send(HttpRequest.newBuilder(URI.create(base + "/appeal/confirm/" + token))
                    .header("X-Forwarded-For", ip).header("Accept-Language", "en").header("Sec-Fetch-Site", "same-origin")
                    .header("Content-Type", "application/x-www-form-urlencoded").timeout(Duration.ofSeconds(30))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
            return pressed.statusCode() == 200;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    static long count(HttpClient http, String base, String slug) throws Exception {
        String json = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/appeals/" + slug)).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher total = Pattern.compile("\"total\"\\s*:\\s*(\\d+)").matcher(json);
        return total.find() ? Long.parseLong(total.group(1)) : -1;
    }

    /** Follows the sink's multi-message dump file; each message starts with smtp-sink's X-Client-Addr line. */
    static void tail(String path, java.util.function.Consumer<String> onMessage) {
        StringBuilder current = new StringBuilder();
        long position = 0;
        byte[] buffer = new byte[1 << 16];
        StringBuilder pending = new StringBuilder();
        while (!volatileStop[0]) {
            try (RandomAccessFile file = new RandomAccessFile(path, "r")) {
                file.seek(position);
                int read;
                boolean any = false;
                while ((read = file.read(buffer)) > 0) {
                    position += read;
                    pending.append(new String(buffer, 0, read, StandardCharsets.ISO_8859_1));
                    any = true;
                }
                int newline;
                while ((newline = pending.indexOf("\n")) >= 0) {
                    String line = pending.substring(0, newline);
                    pending.delete(0, newline + 1);
                    if (line.startsWith("X-Client-Addr:") && !current.isEmpty()) {
                        onMessage.accept(current.toString());
                        current.setLength(0);
                    }
                    current.append(line).append('\n');
                }
                if (!any && !current.isEmpty() && pending.isEmpty()) {
                    // nothing more for now: the last message is complete once the file stopped growing
                    onMessage.accept(current.toString());
                    current.setLength(0);
                }
            } catch (IOException e) {
                // not there yet
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** The body of a dumped message, decoded from quoted-printable or base64. */
    static String decodedBody(String message) {
        int headerEnd = message.indexOf("\n\n");
        String headers = headerEnd < 0 ? message : message.substring(0, headerEnd);
        String body = headerEnd < 0 ? "" : message.substring(headerEnd + 2);
        String lower = headers.toLowerCase();
        if (lower.contains("content-transfer-encoding: base64")) {
            try {
                return new String(Base64.getMimeDecoder().decode(body.strip()), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return body;
            }
        }
        if (lower.contains("content-transfer-encoding: quoted-printable")) {
            String joined = body.replace("=\r\n", "").replace("=\n", "");
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < joined.length(); i++) {
                char c = joined.charAt(i);
                if (c == '=' && i + 2 < joined.length()) {
                    try {
                        out.append((char) Integer.parseInt(joined.substring(i + 1, i + 3), 16));
                        i += 2;
                        continue;
                    } catch (NumberFormatException e) {
                        // not an escape
                    }
                }
                out.append(c);
            }
            return out.toString();
        }
        return body;
    }
}
