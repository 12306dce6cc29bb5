package org.solidarityhub.news;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.solidarityhub.media.Media;
import org.solidarityhub.media.MediaItem;
import org.solidarityhub.media.Variant;
import org.solidarityhub.platform.Markdown;
import org.springframework.stereotype.Component;

/**
 * A post's Markdown as HTML and as plain text. Inline images are written {@code ![alt](image:<media id>)} (the staff
 * page shows the snippet of each uploaded image); they become the published web variant of that item, and an image of
 * another post, an unpublished one or any other address stays a link (platform.Markdown).
 */
@Component
class PostRendering {

    private static final Pattern IMAGE_REFERENCE = Pattern.compile("\\]\\(image:(\\d{1,18})\\)");

    private final Markdown markdown;
    private final Media media;

    PostRendering(Markdown markdown, Media media) {
        this.markdown = markdown;
        this.media = media;
    }

    /** The HTML of a body; images of the post are shown when published (staff previews show their preview). */
    String html(String body, List<Long> postImages, boolean preview) {
        return markdown.toHtml(resolveImages(body, postImages, preview), preview ? "/staff/media/" : MediaItem.PUBLIC_PATH);
    }

    String plainText(String body) {
        return markdown.toPlainText(body);
    }

    private String resolveImages(String body, List<Long> postImages, boolean preview) {
        if (!body.contains("](image:")) {
            return body;
        }
        Map<Long, MediaItem> items = media.findAll(postImages).stream()
                .collect(Collectors.toMap(MediaItem::id, item -> item));
        Matcher m = IMAGE_REFERENCE.matcher(body);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            MediaItem item = items.get(Long.parseLong(m.group(1)));
            String url = item == null ? null
                    : preview ? (item.ready() ? item.previewUrl(Variant.WEB) : null)
                    : item.published() ? item.url(Variant.WEB).orElse(null) : null;
            m.appendReplacement(out, Matcher.quoteReplacement(url == null ? "](#)" : "](" + url + ")"));
        }
        m.appendTail(out);
        return out.toString();
    }
}
