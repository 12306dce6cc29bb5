package org.solidarityhub.media;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The only tags a transcoded video may carry, checked on ffprobe's reading of the output. Everything here is
 * written by the MP4 muxer itself with fixed values that say nothing about the sender, the camera, the place or
 * the time; any other tag (creation_time, location, com.apple.quicktime.*, title, encoder of the source, handler
 * names of a phone, ...), any side data (a display matrix, spherical or stereo data), any chapter and any stream
 * other than one video and at most one audio stream makes the output fail.
 *
 * <ul>
 * <li>container: {@code major_brand}, {@code minor_version}, {@code compatible_brands} (the MP4 file type box);</li>
 * <li>each stream: {@code language} only {@code und}, {@code handler_name} only {@code VideoHandler} or
 * {@code SoundHandler}, {@code vendor_id} only {@code [0][0][0][0]}; the video stream's {@code encoder} only
 * {@code Lavc libx264} (the sample description's compressor name, written without a version in bit-exact
 * mode).</li>
 * </ul>
 */
final class VideoTagAllowList {

    private static final Set<String> CONTAINER_KEYS = Set.of("major_brand", "minor_version", "compatible_brands");

    private static final Map<String, Set<String>> STREAM_VALUES = Map.of(
            "language", Set.of("und"),
            "handler_name", Set.of("VideoHandler", "SoundHandler"),
            "vendor_id", Set.of("[0][0][0][0]"),
            "encoder", Set.of("Lavc libx264"));

    private VideoTagAllowList() {
    }

    /** What in the probed output is not allowed; empty when it is clean. Names only tag keys, never values. */
    static List<String> violations(VideoProbe output) {
        List<String> found = new ArrayList<>();
        output.formatTags().keySet().stream().filter(key -> !CONTAINER_KEYS.contains(key))
                .forEach(key -> found.add("container tag " + key));
        for (VideoProbe.Stream stream : output.streams()) {
            stream.tags().forEach((key, value) -> {
                Set<String> allowed = STREAM_VALUES.get(key);
                if (allowed == null || !allowed.contains(value)) {
                    found.add(stream.type() + " stream tag " + key);
                }
            });
            stream.sideData().forEach(side -> found.add(stream.type() + " stream side data " + side));
        }
        if (output.chapters() > 0) {
            found.add(output.chapters() + " chapters");
        }
        if (output.count("video") != 1 || output.count("audio") > 1
                || output.streams().size() != output.count("video") + output.count("audio")) {
            found.add("streams other than one video and at most one audio stream");
        }
        return found;
    }
}
