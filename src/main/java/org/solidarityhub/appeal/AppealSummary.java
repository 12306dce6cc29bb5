package org.solidarityhub.appeal;

import org.solidarityhub.platform.Markdown;
import org.springframework.web.util.HtmlUtils;

/**
 * The short summary shown under the appeal's title, as plain text cut at a sentence or word end when it is longer
 * than the limit: the call, that is the first paragraph written wholly in bold (as appeals set what they ask), or
 * else the first paragraph of running text (not a heading, list, quote, table or code).
 */
final class AppealSummary {

    private AppealSummary() {
    }

    static String of(String body, Markdown markdown, int maxLength) {
        if (body == null) {
            return "";
        }
        String first = null;
        for (String block : body.strip().split("\\R\\s*\\R")) {
            String start = block.strip();
            if (start.isEmpty() || block.startsWith("    ") || start.startsWith("#") || start.startsWith(">")
                    || start.startsWith("|") || start.startsWith("```") || start.matches("(?s)([-+*]|\\d+[.)])\\s.*")) {
                continue;
            }
            if (isBold(start)) {
                return plain(start, markdown, maxLength);
            }
            if (first == null) {
                first = start;
            }
        }
        return first == null ? "" : plain(first, markdown, maxLength);
    }

    private static boolean isBold(String paragraph) {
        return paragraph.length() > 4 && (paragraph.startsWith("**") && paragraph.endsWith("**")
                || paragraph.startsWith("__") && paragraph.endsWith("__"))
                && !paragraph.substring(2, paragraph.length() - 2).contains(paragraph.substring(0, 2));
    }

    private static String plain(String paragraph, Markdown markdown, int maxLength) {
        // the rendered paragraph without its tags: link texts without their addresses
        String text = HtmlUtils.htmlUnescape(markdown.toHtml(paragraph).replaceAll("<[^>]*>", ""));
        return shorten(text.replaceAll("\\s+", " ").strip(), maxLength);
    }

    static String shorten(String text, int maxLength) {
        if (text.length() <= maxLength) {
            return text;
        }
        String cut = text.substring(0, maxLength);
        int sentence = Math.max(cut.lastIndexOf(". "), Math.max(cut.lastIndexOf("! "), cut.lastIndexOf("? ")));
        if (sentence >= maxLength / 2) {
            return cut.substring(0, sentence + 1);
        }
        int space = cut.lastIndexOf(' ');
        return (space > 0 ? cut.substring(0, space) : cut).replaceAll("[\\s,;:.–—-]+$", "") + "…";
    }
}
