package org.solidarityhub.news;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.web.util.HtmlUtils;

/**
 * A comment is plain text: shown escaped, with its paragraphs and line breaks, and its http(s) addresses made
 * clickable with {@code rel="nofollow ugc noopener"}. No HTML of the commenter ever reaches the page.
 */
final class CommentText {

    private static final Pattern URL = Pattern.compile("https?://[^\\s<>\"]+[^\\s<>\".,;:!?)\\]'’”]",
            Pattern.CASE_INSENSITIVE);

    private CommentText() {
    }

    static String html(String text) {
        StringBuilder html = new StringBuilder();
        for (String paragraph : text.strip().split("\\R\\s*\\R")) {
            if (paragraph.isBlank()) {
                continue;
            }
            html.append("<p>");
            String[] lines = paragraph.strip().split("\\R");
            for (int i = 0; i < lines.length; i++) {
                if (i > 0) {
                    html.append("<br>");
                }
                html.append(linked(lines[i]));
            }
            html.append("</p>");
        }
        return html.toString();
    }

    private static String linked(String line) {
        Matcher m = URL.matcher(line);
        StringBuilder out = new StringBuilder();
        int last = 0;
        while (m.find()) {
            out.append(HtmlUtils.htmlEscape(line.substring(last, m.start()), "UTF-8"));
            String url = HtmlUtils.htmlEscape(m.group(), "UTF-8");
            out.append("<a href=\"").append(url).append("\" rel=\"nofollow ugc noopener\">").append(url).append("</a>");
            last = m.end();
        }
        out.append(HtmlUtils.htmlEscape(line.substring(last), "UTF-8"));
        return out.toString();
    }
}
