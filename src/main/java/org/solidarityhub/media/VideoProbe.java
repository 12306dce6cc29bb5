package org.solidarityhub.media;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What ffprobe says about a file (its JSON output: format, streams, chapters), read before transcoding to refuse
 * what is no video or too big, and after it to prove that no metadata survived.
 *
 * @param formatName the demuxer's name ({@code mov,mp4,m4a,3gp,3g2,mj2}, {@code matroska,webm})
 * @param duration   the container's duration, or the longest stream's; zero when unknown
 * @param formatTags the container's tags
 * @param streams    every stream, in file order
 * @param chapters   number of chapters
 */
record VideoProbe(String formatName, Duration duration, Map<String, String> formatTags, List<Stream> streams,
        int chapters) {

    /** Demuxers ffmpeg and ffprobe may use: the containers of MP4, MOV and WebM, nothing that reads other files. */
    static final String FORMATS = "mov,mp4,m4a,3gp,3g2,mj2,matroska,webm";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * One stream.
     *
     * @param type     {@code video}, {@code audio}, {@code subtitle}, {@code data}, {@code attachment}
     * @param codec    its codec's name
     * @param width    a video stream's coded width (0 for others)
     * @param height   a video stream's coded height
     * @param rotation the rotation its display matrix asks for, in degrees (0 when none)
     * @param tags     its tags
     * @param sideData the types of its side data ({@code Display Matrix}, ...)
     * @param attachedPicture whether it is a cover picture rather than moving video
     */
    record Stream(String type, String codec, int width, int height, int rotation, Map<String, String> tags,
            List<String> sideData, boolean attachedPicture) {

        boolean isVideo() {
            return type.equals("video") && !attachedPicture;
        }

        /** Width as shown, after the rotation. */
        int displayWidth() {
            return Math.abs(rotation) % 180 == 90 ? height : width;
        }

        /** Height as shown, after the rotation. */
        int displayHeight() {
            return Math.abs(rotation) % 180 == 90 ? width : height;
        }
    }

    /** Runs ffprobe on a file, allowing only the file protocol and the video containers. */
    static VideoProbe of(Path ffprobe, Path file, Duration limit) throws IOException {
        return of(List.of(ffprobe.toString()), file, limit);
    }

    /**
     * Runs ffprobe on a file with this start of the command (ffprobe, or {@code nice -n 10 ffprobe}: see
     * {@link VideoSettings#command}), allowing only the file protocol and the video containers.
     */
    static VideoProbe of(List<String> ffprobe, Path file, Duration limit) throws IOException {
        List<String> command = new ArrayList<>(ffprobe);
        command.addAll(List.of("-v", "error", "-hide_banner",
                "-protocol_whitelist", "file", "-format_whitelist", FORMATS,
                "-print_format", "json", "-show_format", "-show_streams", "-show_chapters",
                "file:" + file.toAbsolutePath()));
        ToolRun.Result result = ToolRun.run(command, file.toAbsolutePath().getParent(), limit);
        if (!result.succeeded()) {
            throw new Unreadable();
        }
        return parse(result.stdout());
    }

    /** ffprobe could not read the file as a video container. */
    static final class Unreadable extends IOException {
        Unreadable() {
            super("ffprobe could not read the file as a video");
        }
    }

    static VideoProbe parse(String json) throws Unreadable {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JacksonException e) {
            throw new Unreadable();
        }
        JsonNode format = root.path("format");
        if (format.isMissingNode()) {
            throw new Unreadable();
        }
        List<Stream> streams = new ArrayList<>();
        double longest = 0;
        for (JsonNode s : root.path("streams")) {
            streams.add(stream(s));
            longest = Math.max(longest, seconds(s.path("duration")));
        }
        double seconds = seconds(format.path("duration"));
        return new VideoProbe(format.path("format_name").asString(""),
                Duration.ofMillis(Math.round(1000 * (seconds > 0 ? seconds : longest))),
                tags(format), streams, root.path("chapters").size());
    }

    private static Stream stream(JsonNode s) {
        List<String> sideData = new ArrayList<>();
        int rotation = 0;
        for (JsonNode side : s.path("side_data_list")) {
            sideData.add(side.path("side_data_type").asString("?"));
            if (side.has("rotation")) {
                rotation = side.path("rotation").asInt(0);
            }
        }
        if (rotation == 0 && s.path("tags").has("rotate")) {
            rotation = s.path("tags").path("rotate").asInt(0);
        }
        return new Stream(s.path("codec_type").asString(""), s.path("codec_name").asString(""),
                s.path("width").asInt(0), s.path("height").asInt(0), rotation, tags(s), List.copyOf(sideData),
                s.path("disposition").path("attached_pic").asInt(0) == 1);
    }

    private static Map<String, String> tags(JsonNode node) {
        Map<String, String> tags = new LinkedHashMap<>();
        for (var entry : node.path("tags").properties()) {
            tags.put(entry.getKey(), entry.getValue().asString(""));
        }
        return tags;
    }

    private static double seconds(JsonNode value) {
        try {
            return value.isMissingNode() ? 0 : Double.parseDouble(value.asString("0"));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** The first moving video stream, if any. */
    @Nullable
    Stream firstVideo() {
        return streams.stream().filter(Stream::isVideo).findFirst().orElse(null);
    }

    long count(String type) {
        return streams.stream().filter(s -> s.type().equals(type)).count();
    }
}
