package org.solidarityhub.media;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs one external tool (ffmpeg, ffprobe) as a separate process in a work folder, with no standard input, a time
 * limit, and its output read on the side so that a chatty tool never blocks on a full pipe. On overrun the process
 * and everything it started are killed, and the run is reported as {@link TimedOut}.
 *
 * <p>What the tool prints is kept in memory only, capped, for the caller to parse (ffprobe's JSON) or to drop
 * (ffmpeg's messages may name the work folder, never a sender's file name: uploads have fixed names there). None
 * of it is logged.
 */
final class ToolRun {

    /** Bytes of standard output kept (ffprobe's JSON of a file with many streams stays far below). */
    static final int MAX_OUTPUT = 1 << 20;

    private ToolRun() {
    }

    /** What a finished run printed and how it ended. */
    record Result(int exitCode, String stdout, String stderr) {
        boolean succeeded() {
            return exitCode == 0;
        }
    }

    /** The tool ran longer than allowed and was killed. */
    static final class TimedOut extends IOException {
        TimedOut(Duration limit) {
            super("the tool ran longer than " + limit + " and was killed");
        }
    }

    /**
     * Runs the command in {@code workDir} and waits at most {@code limit}.
     *
     * @throws TimedOut    when it overran (it is killed before this returns)
     * @throws IOException when the tool cannot be started (for example: not installed at the configured path)
     */
    static Result run(List<String> command, Path workDir, Duration limit) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(nullDevice()));
        builder.environment().keySet().removeIf(name -> !name.equals("PATH") && !name.equals("LANG"));
        Process process = builder.start();
        CompletableFuture<String> stdout = drain(process.getInputStream(), MAX_OUTPUT);
        CompletableFuture<String> stderr = drain(process.getErrorStream(), 64 * 1024);
        try {
            if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                kill(process);
                throw new TimedOut(limit);
            }
            return new Result(process.exitValue(), stdout.get(10, TimeUnit.SECONDS), stderr.get(10, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            kill(process);
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while the tool ran", e);
        } catch (ExecutionException | TimeoutException e) {
            kill(process);
            throw new IOException("the tool's output could not be read", e);
        }
    }

    private static java.io.File nullDevice() {
        return new java.io.File("/dev/null");
    }

    /** Kills the process and its descendants, and waits until they are gone. */
    static void kill(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static CompletableFuture<String> drain(InputStream in, int cap) {
        return CompletableFuture.supplyAsync(() -> {
            try (in) {
                byte[] kept = in.readNBytes(cap);
                in.transferTo(java.io.OutputStream.nullOutputStream());
                return new String(kept, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, Thread::startVirtualThread);
    }
}
