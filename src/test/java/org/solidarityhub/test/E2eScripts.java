package org.solidarityhub.test;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

/**
 * Runs a script of e2e/ (Debian's Chromium through playwright-core, JavaScript off) against a running app.
 * Needs {@code /usr/bin/chromium} and {@code e2e/node_modules}: skipped without them on a developer's
 * machine, failed without them on CI (where the environment variable CI is set and .ci/run installs them).
 */
public final class E2eScripts {

    /** What a script printed, and how it ended. */
    public record Run(int exitCode, String output) {
    }

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path PROJECT = Path.of("").toAbsolutePath(); // Surefire runs in the project root
    private static final Path PLAYWRIGHT = PROJECT.resolve("e2e/node_modules/playwright-core");
    private static final Duration TIMEOUT = Duration.ofMinutes(3);

    private E2eScripts() {
    }

    /** Where a script's screenshots go, emptied first. */
    public static Path screenshots(String name) throws IOException {
        Path directory = PROJECT.resolve("target/e2e/" + name);
        if (Files.isDirectory(directory)) {
            // deepest first, so each folder is empty when its turn comes; the folder itself stays
            try (var files = Files.walk(directory)) {
                for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    if (!file.equals(directory)) {
                        Files.delete(file);
                    }
                }
            }
        }
        return directory;
    }

    /** Skips (on a developer's machine) or fails (on CI) when the browser or playwright-core is missing. */
    public static void requireBrowser() {
        List<String> missing = new ArrayList<>();
        if (!Files.isExecutable(CHROMIUM)) {
            missing.add(CHROMIUM + " (install it with: apt-get install chromium)");
        }
        if (!Files.isDirectory(PLAYWRIGHT)) {
            missing.add(PLAYWRIGHT + " (install it with: npm ci --prefix e2e)");
        }
        if (missing.isEmpty()) {
            return;
        }
        String message = "the browser test needs " + String.join(" and ", missing);
        String ci = System.getenv("CI");
        if (ci != null && !ci.isBlank()) {
            fail(message + "; on CI, .ci/run installs both");
        }
        Assumptions.abort("skipped: " + message);
    }

    /**
     * Runs {@code node e2e/<script>} with the environment given, copying its output (stdout and stderr) to the
     * test's output as it comes; kills it and its browser after three minutes.
     */
    public static Run run(String script, Map<String, String> environment) throws IOException, InterruptedException {
        return run(script, environment, TIMEOUT);
    }

    /** As {@link #run(String, Map)}, killing the script after the time given instead. */
    public static Run run(String script, Map<String, String> environment, Duration timeout) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("node", PROJECT.resolve("e2e").resolve(script).toString())
                .directory(PROJECT.toFile())
                .redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new AssertionError("cannot run node (install Node.js 20+): " + e.getMessage(), e);
        }
        StringBuilder output = new StringBuilder();
        Thread reader = Thread.ofPlatform().daemon().start(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = lines.readLine()) != null; ) {
                    System.out.println("[e2e] " + line);
                    synchronized (output) {
                        output.append(line).append('\n');
                    }
                }
            } catch (IOException e) {
                // the stream closes when the process is killed
            }
        });
        if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            reader.join(Duration.ofSeconds(5));
            synchronized (output) {
                fail("node e2e/" + script + " did not finish within " + timeout + "; it printed:\n" + output);
            }
        }
        reader.join(Duration.ofSeconds(10));
        synchronized (output) {
            return new Run(process.exitValue(), output.toString());
        }
    }
}
