package org.solidarityhub.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ffmpeg and ffprobe leave room for the site: they run below the app's CPU priority ({@code nice}) and ffmpeg with
 * one thread fewer than the machine has cores. Checked on the running processes, as the kernel sees them.
 */
class VideoPriorityTest {

    @TempDir
    Path dir;

    @Test
    void ffmpegAndFfprobeRunTenStepsNicerThanTheAppWithACoreLeftForPages() throws Exception {
        Path upload = VideoFixtures.plain(dir, "busy.mp4", 640, 360, 4);
        Path work = Files.createDirectories(dir.resolve("work"));
        FfmpegVideoProcessor processor = new FfmpegVideoProcessor(VideoSettings.defaults());
        assertThat(processor.available()).isTrue();

        List<Seen> seen = watchWhile(work, () -> processor.transcode(upload, work));

        int expected = Math.min(19, niceness(ProcessHandle.current().pid()).orElseThrow() + 10);
        assertThat(seen).extracting(Seen::tool).contains("ffprobe", "ffmpeg");
        assertThat(seen).allSatisfy(s -> assertThat(s.niceness()).as("niceness of %s", s.tool()).isEqualTo(expected));
        String threads = Integer.toString(Math.max(1, Runtime.getRuntime().availableProcessors() - 1));
        assertThat(seen).filteredOn(s -> s.tool().equals("ffmpeg") && s.arguments().contains("-filter_complex"))
                .isNotEmpty()
                .allSatisfy(s -> assertThat(String.join(" ", s.arguments()))
                        .contains("-threads " + threads + " ").contains("-filter_threads " + threads + " "));
    }

    @Test
    void withNicenessZeroOrWithoutTheNiceCommandTheToolRunsAlone() {
        Path ffmpeg = Path.of("/usr/bin/ffmpeg");
        VideoSettings defaults = VideoSettings.defaults();

        assertThat(defaults.withPriority(Path.of("/bin/sh"), 7).command(ffmpeg)).containsExactly("/bin/sh", "-n", "7", "/usr/bin/ffmpeg");
        assertThat(defaults.withPriority(Path.of("/bin/sh"), 0).command(ffmpeg)).containsExactly("/usr/bin/ffmpeg");
        assertThat(defaults.withPriority(dir.resolve("no-nice"), 10).command(ffmpeg)).containsExactly("/usr/bin/ffmpeg");
        assertThat(defaults.threads()).isEqualTo(Math.max(1, Runtime.getRuntime().availableProcessors() - 1));
    }

    /** A tool process seen working in the folder: its name, its niceness, its arguments. */
    private record Seen(String tool, int niceness, List<String> arguments) {
    }

    private interface Work {
        void run() throws Exception;
    }

    /** Runs the work on another thread and, meanwhile, looks every few milliseconds at the tools it starts. */
    private static List<Seen> watchWhile(Path work, Work task) throws Exception {
        CompletableFuture<Void> done = CompletableFuture.runAsync(() -> {
            try {
                task.run();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        List<Seen> seen = new ArrayList<>();
        while (!done.isDone()) {
            ProcessHandle.current().descendants().forEach(process -> {
                List<String> arguments = process.info().arguments().map(List::of).orElse(List.of());
                String command = process.info().command().orElse("");
                String tool = Path.of(command.isEmpty() ? "-" : command).getFileName().toString();
                if (String.join(" ", arguments).contains(work.getParent().toString())
                        && (tool.equals("ffmpeg") || tool.equals("ffprobe"))) {
                    niceness(process.pid()).ifPresent(n -> seen.add(new Seen(tool, n, arguments)));
                }
            });
            Thread.sleep(5);
        }
        done.get(1, TimeUnit.MINUTES);
        return seen;
    }

    /** Field 19 of /proc/<pid>/stat (after the command name in parentheses, which may hold spaces). */
    private static Optional<Integer> niceness(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"), StandardCharsets.US_ASCII);
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Optional.of(Integer.parseInt(fields[16]));
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // the process ended meanwhile
        }
    }
}
