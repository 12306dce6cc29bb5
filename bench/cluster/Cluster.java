// The load of bench/cluster/run, all through the balancer on 127.0.0.1 (loopback only):
// signers through the public signing API, each from an address of its own (X-Forwarded-For, as bench/peak does),
// readers of public pages, and one staff member who loads a staff page every second. Run with:
//
//   java bench/cluster/Cluster.java burst KEY=VALUE...
//       new signers one after another from `clients` concurrent clients for `seconds`: the most the nodes take.
//       Prints: result acknowledged= failed= rate= p50_ms= p99_ms=
//   java bench/cluster/Cluster.java steady KEY=VALUE...
//       `rate` new signers a second, `readers` page readers and the staff member, until the file `stop` exists.
//       Then, for each event of the file `events` (lines NAME START_MS END_MS, epoch milliseconds, written by the
//       script as it kills and restarts nodes) and for the time outside them: the requests that failed, from the
//       first to the last failure, and the staff member's checks (signed in, signed out, or no answer).
//
// The mode may come anywhere among the keys. Keys: base=http://127.0.0.1:18080 slug=global-week-of-action run=ID from=0 (the first signer's number: each
// phase its own emails and addresses) acks=FILE (the emails of acknowledged signatures are appended to it);
// burst: seconds=30 clients=16; steady: rate=100 readers=2 pages=/en/appeals/x,/en/events stop=FILE events=FILE
// staff=EMAIL password=... totp=HEX (the TOTP key, hex).
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.LongSummaryStatistics;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

public class Cluster {

    static final Map<String, String> ARGS = new HashMap<>();
    static final Pattern CSRF = Pattern.compile("<input[^>]*name=\"_csrf\"[^>]*value=\"([^\"]*)\"");

    /** A failed request: when (epoch ms), of what (sign or page) and how (its status, or the exception's kind). */
    record Failure(long at, String what, String how) {
    }

    /** The staff member's check at a time: signed in, signed out (sent to the sign-in page), or no answer. */
    enum Check { SIGNED_IN, SIGNED_OUT, ERROR }

    record Checked(long at, Check result) {
    }

    /** A node's end and return, from the kill or SIGTERM until HAProxy had it back (epoch ms). */
    record Event(String name, long start, long end) {
    }

    static String arg(String key, String fallback) {
        String value = ARGS.getOrDefault(key, fallback);
        if (value == null) {
            throw new IllegalArgumentException("missing " + key + "=");
        }
        return value;
    }

    static volatile boolean stopping;
    static String base;
    static String slug;
    static String run;
    static int from;
    static final ConcurrentLinkedQueue<String> acknowledged = new ConcurrentLinkedQueue<>();
    static final ConcurrentLinkedQueue<Failure> failures = new ConcurrentLinkedQueue<>();

    public static void main(String[] args) throws Exception {
        String mode = "";
        for (String a : args) {
            if (a.indexOf('=') < 0) {
                mode = a;
            } else {
                ARGS.put(a.substring(0, a.indexOf('=')), a.substring(a.indexOf('=') + 1));
            }
        }
        base = arg("base", "http://127.0.0.1:18080");
        if (!base.startsWith("http://127.0.0.1:")) {
            throw new IllegalArgumentException("the cluster bench loads this machine only");
        }
        slug = arg("slug", "global-week-of-action");
        run = arg("run", "cluster");
        from = Integer.parseInt(arg("from", "0"));
        switch (mode) {
            case "burst" -> burst(Integer.parseInt(arg("seconds", "30")), Integer.parseInt(arg("clients", "16")));
            case "steady" -> steady();
            default -> throw new IllegalArgumentException("burst or steady, not '" + mode + "'");
        }
        Files.write(Path.of(arg("acks", null)), acknowledged, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        System.exit(0);
    }

    static HttpClient client() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
                .executor(Executors.newFixedThreadPool(8)).build();
    }

    // ---- signers

    static String email(int n) {
        return "cluster-" + run + "-" + n + "@example.org";
    }

    static String ip(int n) {
        return String.format("10.%d.%d.%d", 100 + (n >> 16 & 0x7f), n >> 8 & 0xff, n & 0xff);
    }

    static HttpRequest signRequest(int n) {
        String body = String.format("{\"kind\":\"INDIVIDUAL\",\"name\":\"Cluster Signer %d\",\"email\":\"%s\",\"country\":\"BE\","
                + "\"city\":\"\",\"display\":\"FULL_NAME\",\"comment\":\"\",\"updates\":false,\"language\":\"en\"}", n, email(n));
        return HttpRequest.newBuilder(URI.create(base + "/api/v1/appeals/" + slug + "/signatures"))
                .header("Content-Type", "application/json").header("Accept-Language", "en").header("X-Forwarded-For", ip(n))
                .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    /** Records the answer to signer n: acknowledged (2xx) or a failure. */
    static boolean signed(int n, HttpResponse<?> response, Throwable error) {
        if (error == null && response.statusCode() / 100 == 2) {
            acknowledged.add(email(n));
            return true;
        }
        failures.add(new Failure(System.currentTimeMillis(), "sign", error != null ? how(error) : String.valueOf(response.statusCode())));
        return false;
    }

    /** An exception's kind, its message kept apart (it names no person: addresses and emails are not in it). */
    static String how(Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        details.add(cause.getClass().getSimpleName() + ": " + cause.getMessage());
        return cause.getClass().getSimpleName();
    }

    static final Set<String> details = ConcurrentHashMap.newKeySet();

    /** Closed loop: each client signs, waits for the answer, signs again. */
    static void burst(int seconds, int clients) throws InterruptedException {
        HttpClient http = client();
        AtomicInteger next = new AtomicInteger(from);
        ConcurrentLinkedQueue<Long> millis = new ConcurrentLinkedQueue<>();
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            Thread t = new Thread(() -> {
                while (System.nanoTime() < deadline) {
                    int n = next.getAndIncrement();
                    long start = System.nanoTime();
                    HttpResponse<Void> response = null;
                    Throwable error = null;
                    try {
                        response = http.send(signRequest(n), HttpResponse.BodyHandlers.discarding());
                    } catch (IOException | InterruptedException e) {
                        error = e;
                    }
                    if (signed(n, response, error)) {
                        millis.add((System.nanoTime() - start) / 1_000_000);
                    }
                }
            });
            t.start();
            threads.add(t);
        }
        for (Thread t : threads) {
            t.join();
        }
        long[] sorted = millis.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf("result acknowledged=%d failed=%d rate=%.1f p50_ms=%d p99_ms=%d%n", acknowledged.size(), failures.size(),
                acknowledged.size() / (double) seconds, percentile(sorted, 0.5), percentile(sorted, 0.99));
    }

    static long percentile(long[] sorted, double p) {
        return sorted.length == 0 ? -1 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(sorted.length * p) - 1)];
    }

    // ---- the steady load, with readers and the staff member

    static void steady() throws Exception {
        int rate = Integer.parseInt(arg("rate", "100"));
        Path stop = Path.of(arg("stop", null));
        ConcurrentLinkedQueue<Long> sent = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Long> read = new ConcurrentLinkedQueue<>();
        List<Checked> checks = new ArrayList<>();

        Staff staff = new Staff(arg("staff", null), arg("password", null), HexFormat.of().parseHex(arg("totp", null)));
        staff.signIn(10);
        Thread staffThread = new Thread(() -> staff.checkEverySecond(checks), "staff");
        staffThread.start();

        List<Thread> readers = new ArrayList<>();
        String[] pages = arg("pages", "/en/appeals/" + slug).split(",");
        for (int r = 0; r < Integer.parseInt(arg("readers", "2")); r++) {
            int me = r;
            Thread t = new Thread(() -> readPages(me, pages, read), "reader-" + r);
            t.start();
            readers.add(t);
        }

        HttpClient http = client();
        Semaphore inFlight = new Semaphore(512);
        System.out.printf("steady: %d new signers a second, %d readers, a staff member, until %s exists%n", rate, readers.size(), stop);
        long start = System.nanoTime();
        for (int i = 0; !Files.exists(stop); i++) {
            long wait = start + (long) i * 1_000_000_000L / rate - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            inFlight.acquire();
            int n = from + i;
            sent.add(System.currentTimeMillis());
            http.sendAsync(signRequest(n), HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
                inFlight.release();
                signed(n, response, error);
            });
        }
        inFlight.acquire(512);
        stopping = true;
        staffThread.join();
        for (Thread t : readers) {
            t.join();
        }

        List<Event> events = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of(arg("events", null)))) {
            String[] f = line.split(" ");
            events.add(new Event(f[0], Long.parseLong(f[1]), Long.parseLong(f[2])));
        }
        System.out.printf("result acknowledged=%d sent=%d page_views=%d staff_checks=%d staff_sign_ins=%d staff_attempts=%d%n",
                acknowledged.size(), sent.size(), read.size(), checks.size(), staff.signIns, staff.attempts);
        for (Event e : events) {
            report(e.name(), t -> t >= e.start() && t <= e.end(), sent, read, checks);
        }
        report("outside", t -> events.stream().noneMatch(e -> t >= e.start() && t <= e.end()), sent, read, checks);
        details.forEach(d -> System.out.println("failure: " + d));
    }

    /** One line about a time span: its failed requests by kind, from first to last, and the staff member's checks. */
    static void report(String name, LongPredicate in, ConcurrentLinkedQueue<Long> sent, ConcurrentLinkedQueue<Long> read,
                       List<Checked> checks) {
        List<Failure> requests = failures.stream().filter(f -> in.test(f.at())).toList();
        LongSummaryStatistics times = requests.stream().mapToLong(Failure::at).summaryStatistics();
        String kinds = requests.stream().collect(Collectors.groupingBy(f -> f.what() + ":" + f.how(), TreeMap::new, Collectors.counting()))
                .entrySet().stream().map(k -> k.getValue() + "x" + k.getKey()).collect(Collectors.joining(","));
        List<Checked> staffChecks;
        synchronized (checks) {
            staffChecks = checks.stream().filter(c -> in.test(c.at())).toList();
        }
        System.out.printf("span name=%s signs=%d sign_failed=%d pages=%d page_failed=%d failed_for_s=%.1f failures=%s"
                        + " staff_checks=%d staff_signed_out=%d staff_no_answer=%d%n", name,
                sent.stream().filter(in::test).count(), requests.stream().filter(f -> f.what().equals("sign")).count(),
                read.stream().filter(in::test).count(), requests.stream().filter(f -> f.what().equals("page")).count(),
                requests.isEmpty() ? 0.0 : (times.getMax() - times.getMin()) / 1000.0, kinds.isEmpty() ? "none" : kinds,
                staffChecks.size(), staffChecks.stream().filter(c -> c.result() == Check.SIGNED_OUT).count(),
                staffChecks.stream().filter(c -> c.result() == Check.ERROR).count());
    }

    static void readPages(int me, String[] pages, ConcurrentLinkedQueue<Long> read) {
        HttpClient http = client();
        for (int i = 0; !stopping; i++) {
            read.add(System.currentTimeMillis());
            try {
                HttpResponse<Void> page = http.send(HttpRequest.newBuilder(URI.create(base + pages[i % pages.length]))
                        .header("X-Forwarded-For", "10.250." + me + "." + (i % 250)).header("Accept-Language", "en")
                        .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.discarding());
                if (page.statusCode() != 200) {
                    failures.add(new Failure(System.currentTimeMillis(), "page", String.valueOf(page.statusCode())));
                }
                Thread.sleep(50);
            } catch (InterruptedException e) {
                return;
            } catch (IOException e) {
                failures.add(new Failure(System.currentTimeMillis(), "page", how(e)));
            }
        }
    }

    /**
     * A staff member in a browser of their own (its cookies kept here), signing in with password and TOTP code through
     * the forms as a person would, then loading /staff every second.
     */
    static final class Staff {
        final HttpClient http = client();
        final Map<String, String> cookies = new LinkedHashMap<>();
        final String email;
        final String password;
        final byte[] totpKey;
        long lastStep;
        int signIns;
        int attempts;

        Staff(String email, String password, byte[] totpKey) {
            this.email = email;
            this.password = password;
            this.totpKey = totpKey;
        }

        void checkEverySecond(List<Checked> checks) {
            while (!stopping) {
                Check result = check();
                synchronized (checks) {
                    checks.add(new Checked(System.currentTimeMillis(), result));
                }
                if (result == Check.SIGNED_OUT) {
                    signIn(1);
                }
                sleep(1000);
            }
        }

        Check check() {
            try {
                HttpResponse<String> page = send(get("/staff"));
                if (page.statusCode() == 200) {
                    return Check.SIGNED_IN;
                }
                boolean toSignIn = page.statusCode() / 100 == 3 && page.headers().firstValue("Location").orElse("").contains("/staff/login");
                return toSignIn ? Check.SIGNED_OUT : Check.ERROR;
            } catch (IOException e) {
                return Check.ERROR;
            }
        }

        /** Signs in (again), trying every two seconds until it works, the run ends or `attempts` failed. */
        void signIn(int attempts) {
            for (int i = 0; i < attempts && !stopping; i++) {
                this.attempts++;
                String failed = attempt();
                if (failed == null) {
                    signIns++;
                    return;
                }
                System.out.println("staff sign-in failed: " + failed + "; trying again");
                sleep(2000);
            }
        }

        /** One sign-in through the two forms; null when signed in, else the step that failed. */
        String attempt() {
            try {
                HttpResponse<String> form = send(get("/staff/login"));
                if (form.statusCode() != 200) {
                    return "password form " + form.statusCode();
                }
                HttpResponse<String> passwordStep = send(post("/staff/login", "email", email, "password", password,
                        "_csrf", csrf(form.body())));
                if (!passwordStep.headers().firstValue("Location").orElse("").endsWith("/staff/login/code")) {
                    return "password " + passwordStep.statusCode();
                }
                HttpResponse<String> codeForm = send(get("/staff/login/code"));
                if (codeForm.statusCode() != 200) {
                    return "code form " + codeForm.statusCode();
                }
                HttpResponse<String> codeStep = send(post("/staff/login/code", "code", nextCode(), "_csrf", csrf(codeForm.body())));
                if (!codeStep.headers().firstValue("Location").orElse("").endsWith("/staff")) {
                    return "code " + codeStep.statusCode();
                }
                return check() == Check.SIGNED_IN ? null : "signed in, but /staff does not say so";
            } catch (IOException e) {
                return e.getClass().getSimpleName();
            }
        }

        /** The code of the next 30-second step not used yet (a code counts once): waits for it when both are used. */
        String nextCode() {
            long step = System.currentTimeMillis() / 30_000;
            while (lastStep > step) {
                sleep(1000);
                step = System.currentTimeMillis() / 30_000;
            }
            lastStep = Math.max(step, lastStep + 1);
            return totp(totpKey, lastStep);
        }

        HttpRequest.Builder get(String path) {
            return request(path).GET();
        }

        HttpRequest.Builder post(String path, String... form) {
            StringBuilder body = new StringBuilder();
            for (int i = 0; i < form.length; i += 2) {
                body.append(i == 0 ? "" : "&").append(form[i]).append('=').append(URLEncoder.encode(form[i + 1], StandardCharsets.UTF_8));
            }
            return request(path).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        }

        HttpRequest.Builder request(String path) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10))
                    .header("X-Forwarded-For", "10.251.0.1").header("Accept-Language", "en");
            if (!cookies.isEmpty()) {
                request.header("Cookie", cookies.entrySet().stream().map(c -> c.getKey() + "=" + c.getValue())
                        .collect(Collectors.joining("; ")));
            }
            return request;
        }

        /** Sends a request as the browser would (no redirect followed) and keeps the cookies it is given. */
        HttpResponse<String> send(HttpRequest.Builder request) throws IOException {
            try {
                HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                for (String set : response.headers().allValues("Set-Cookie")) {
                    String pair = set.split(";", 2)[0];
                    String name = pair.substring(0, pair.indexOf('='));
                    String value = pair.substring(pair.indexOf('=') + 1);
                    if (value.isEmpty() || set.toLowerCase().contains("max-age=0")) {
                        cookies.remove(name);
                    } else {
                        cookies.put(name, value);
                    }
                }
                return response;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
        }

        static String csrf(String page) {
            Matcher token = CSRF.matcher(page);
            return token.find() ? token.group(1) : "";
        }
    }

    /** RFC 6238: HMAC-SHA1 of the step, six digits, as authenticator apps compute it. */
    static String totp(byte[] key, long step) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(key, "RAW"));
            byte[] hash = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
            int offset = hash[hash.length - 1] & 0x0f;
            int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16) | ((hash[offset + 2] & 0xff) << 8)
                    | (hash[offset + 3] & 0xff);
            return String.format("%06d", binary % 1_000_000);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
