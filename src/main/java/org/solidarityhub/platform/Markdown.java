package org.solidarityhub.platform;

import java.util.List;
import java.util.Set;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.commonmark.Extension;
import org.commonmark.node.Heading;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.AttributeProvider;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.text.TextContentRenderer;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Markdown written by staff and submitters, rendered safely: raw HTML is escaped, links may only be
 * http(s) or mailto and open with rel="nofollow noopener noreferrer", and images are shown as links rather than
 * loaded (an image from another host would be a third-party request), except images of the site's own media when the
 * caller names their path ({@link #toHtml(String, String)}, news posts).
 * The HTML of a text depends on nothing but the text, so the HTML of recently shown texts is kept (by their
 * content, so an edited text is rendered anew at once) rather than rendered on every page view.
 */
@Component
public class Markdown {

    private static final Set<String> SAFE_SCHEMES = Set.of("http", "https", "mailto");

    private final Parser parser;
    private final HtmlRenderer renderer;
    private final TextContentRenderer textRenderer = TextContentRenderer.builder().build();
    private final Cache<String, String> rendered = Caffeine.newBuilder()
            .maximumWeight(8_000_000) // characters of Markdown and HTML
            .weigher((String markdown, String html) -> markdown.length() + html.length())
            .build();

    public Markdown() {
        List<Extension> extensions = List.of();
        this.parser = Parser.builder().extensions(extensions).build();
        this.renderer = HtmlRenderer.builder()
                .extensions(extensions)
                .escapeHtml(true)
                .sanitizeUrls(true)
                .attributeProviderFactory(context -> linkAttributes())
                .build();
    }

    /** HTML for a Markdown text, safe to insert unescaped into a page. */
    public String toHtml(String markdown) {
        if (markdown == null || markdown.isBlank()) {
            return "";
        }
        return rendered.get(markdown, m -> render(m, null));
    }

    /**
     * HTML for a Markdown text in which images whose path starts with {@code ownImages} (a local path such as
     * {@code /media/}, never another host) are shown as images; every other image is a link, as in
     * {@link #toHtml(String)}.
     */
    public String toHtml(String markdown, String ownImages) {
        if (markdown == null || markdown.isBlank()) {
            return "";
        }
        if (!ownImages.startsWith("/") || ownImages.startsWith("//")) {
            throw new IllegalArgumentException("own images must be a local path");
        }
        return rendered.get(ownImages + "\u0000" + markdown, key -> render(markdown, ownImages));
    }

    /** The text of a Markdown text without its markup (for plain-text mails and summaries). */
    public String toPlainText(String markdown) {
        if (markdown == null || markdown.isBlank()) {
            return "";
        }
        Node document = parser.parse(markdown);
        replaceImagesAndUnsafeLinks(document, null);
        return textRenderer.render(document).strip();
    }

    private String render(String markdown, @Nullable String ownImages) {
        Node document = parser.parse(markdown);
        replaceImagesAndUnsafeLinks(document, ownImages);
        return renderer.render(document);
    }

    private static AttributeProvider linkAttributes() {
        return (node, tagName, attributes) -> {
            if (node instanceof Link) {
                attributes.put("rel", "nofollow noopener noreferrer");
            }
            if (node instanceof Image) {
                attributes.put("loading", "lazy");
            }
            if (node instanceof Heading heading && heading.getLevel() == 1) {
                // the page has its own h1
                attributes.put("class", "md-h1");
            }
        };
    }

    private static void replaceImagesAndUnsafeLinks(Node node, @Nullable String ownImages) {
        Node child = node.getFirstChild();
        while (child != null) {
            Node next = child.getNext();
            if (child instanceof Image image && ownImages != null && isOwn(image.getDestination(), ownImages)) {
                image.setTitle(null);
            } else if (child instanceof Image image) {
                Link link = new Link(image.getDestination(), image.getTitle());
                String alt = altText(image);
                link.appendChild(new Text(alt.isEmpty() ? image.getDestination() : alt));
                image.insertBefore(link);
                image.unlink();
                checkLink(link);
            } else {
                if (child instanceof Link link) {
                    checkLink(link);
                }
                replaceImagesAndUnsafeLinks(child, ownImages);
            }
            child = next;
        }
    }

    private static boolean isOwn(@Nullable String destination, String ownImages) {
        return destination != null && destination.startsWith(ownImages)
                && destination.substring(ownImages.length()).matches("[A-Za-z0-9_-]+(/[A-Za-z0-9_-]+)?(\\.[A-Za-z0-9]+)?");
    }

    private static void checkLink(Link link) {
        String destination = link.getDestination() == null ? "" : link.getDestination().strip();
        int colon = destination.indexOf(':');
        String scheme = colon > 0 ? destination.substring(0, colon).toLowerCase(java.util.Locale.ROOT) : "";
        boolean relative = colon < 0 || destination.indexOf('/') >= 0 && destination.indexOf('/') < colon;
        if (!relative && !SAFE_SCHEMES.contains(scheme)) {
            link.setDestination("");
        }
    }

    private static String altText(Image image) {
        StringBuilder text = new StringBuilder();
        for (Node n = image.getFirstChild(); n != null; n = n.getNext()) {
            if (n instanceof Text t) {
                text.append(t.getLiteral());
            }
        }
        return text.toString();
    }
}
