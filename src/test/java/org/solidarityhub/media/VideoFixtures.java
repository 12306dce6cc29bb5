package org.solidarityhub.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Makes test videos with the real ffmpeg (Debian's, as in production), and reads them back with ffprobe. */
public final class VideoFixtures {

    static final Path FFMPEG = Path.of("/usr/bin/ffmpeg");
    static final Path FFPROBE = Path.of("/usr/bin/ffprobe");
    static final String PLACE = "+50.4501+030.5234/";

    private VideoFixtures() {
    }

    /** A test pattern with a tone, of the given size and length, in MP4. */
    public static Path plain(Path dir, String name, int width, int height, double seconds) throws IOException {
        Path out = dir.resolve(name);
        ffmpeg(dir, "-f", "lavfi", "-i", "testsrc=size=%dx%d:rate=25:duration=%s".formatted(width, height, seconds),
                "-f", "lavfi", "-i", "sine=frequency=440:duration=" + seconds,
                "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac", "-f", "mp4",
                out.toString());
        return out;
    }

    /**
     * A MOV as a phone might send it, and worse: GPS position (as {@code location} and as Apple's ISO 6709 key),
     * creation time, a title, an encoder name, a phone's handler name, a subtitle stream, a timecode data stream,
     * a second audio stream and a chapter.
     */
    static Path identifying(Path dir) throws IOException {
        Path subtitles = Files.writeString(dir.resolve("s.srt"), "1\n00:00:00,000 --> 00:00:01,000\nMeet at the bridge\n",
                StandardCharsets.UTF_8);
        Path chapters = Files.writeString(dir.resolve("chapters.txt"),
                ";FFMETADATA1\n[CHAPTER]\nTIMEBASE=1/1000\nSTART=0\nEND=1000\ntitle=Arrival of Olena\n",
                StandardCharsets.UTF_8);
        Path out = dir.resolve("identifying.mov");
        ffmpeg(dir, "-f", "lavfi", "-i", "testsrc=size=320x240:rate=25:duration=2",
                "-f", "lavfi", "-i", "sine=frequency=440:duration=2",
                "-i", subtitles.toString(), "-f", "lavfi", "-i", "sine=frequency=220:duration=2",
                "-f", "ffmetadata", "-i", chapters.toString(),
                "-map", "0", "-map", "1", "-map", "2", "-map", "3", "-map_chapters", "4",
                "-c:v", "libx264", "-preset", "ultrafast", "-c:a", "aac", "-c:s", "mov_text",
                "-timecode", "01:00:00:00",
                "-metadata", "location=" + PLACE, "-metadata", "com.apple.quicktime.location.ISO6709=" + PLACE,
                "-metadata", "creation_time=2024-01-02T03:04:05Z", "-metadata", "title=Secret meeting",
                "-metadata", "com.apple.quicktime.make=Apple", "-metadata", "com.apple.quicktime.model=iPhone 15",
                "-metadata:s:v", "handler_name=Core Media Video", "-metadata:s:v", "creation_time=2024-01-02T03:04:05Z",
                "-movflags", "use_metadata_tags", out.toString());
        return out;
    }

    static VideoProbe probe(Path file) throws IOException {
        return VideoProbe.of(FFPROBE, file, Duration.ofSeconds(30));
    }

    static void ffmpeg(Path dir, String... arguments) throws IOException {
        List<String> command = new ArrayList<>(List.of(FFMPEG.toString(), "-nostdin", "-v", "error", "-y"));
        command.addAll(List.of(arguments));
        ToolRun.Result result = ToolRun.run(command, dir, Duration.ofMinutes(2));
        assertThat(result.exitCode()).as("ffmpeg making a test file: %s", result.stderr()).isZero();
    }

    /** The markers of a JPEG up to its image data: APPn and COM segments are where metadata lives. */
    static List<Integer> jpegMarkers(Path jpeg) throws IOException {
        byte[] data = Files.readAllBytes(jpeg);
        assertThat(data[0] & 0xff).isEqualTo(0xff);
        assertThat(data[1] & 0xff).isEqualTo(0xd8);
        List<Integer> markers = new ArrayList<>();
        int i = 2;
        while (i + 4 <= data.length) {
            int marker = data[i + 1] & 0xff;
            markers.add(marker);
            if (marker == 0xda) {
                break;
            }
            i += 2 + ((data[i + 2] & 0xff) << 8 | (data[i + 3] & 0xff));
        }
        return markers;
    }
}
