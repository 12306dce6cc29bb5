package org.solidarityhub.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.apache.catalina.Container;
import org.apache.catalina.Lifecycle;
import org.apache.catalina.Valve;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * Requests so malformed that Tomcat refuses them before the application sees them (an undecodable path,
 * say) get this static page, in every language of the site (the base language first), instead of Tomcat's own
 * report. No locale is known at that point, so the page says it in all of them.
 */
@Component
class ContainerErrorPage implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    private final String page;

    ContainerErrorPage(MessageSource messages, SupportedLanguages languages) {
        StringBuilder html = new StringBuilder("""
                <!DOCTYPE html>
                <html lang="%s"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
                <title>%s</title><link rel="stylesheet" href="/css/base.css"><link rel="stylesheet" href="/css/components.css"></head>
                <body><div class="wrap main error-page">
                """.formatted(SupportedLanguages.BASE.getLanguage(), escape(messages.getMessage("site.name", null, SupportedLanguages.BASE))));
        for (Locale language : languages.all()) {
            String lang = language.equals(SupportedLanguages.BASE) ? "" : " lang=\"" + language.getLanguage() + "\""
                    + (ContentLanguages.isRightToLeft(language.getLanguage()) ? " dir=\"rtl\"" : "");
            html.append("<h1").append(lang).append('>').append(escape(messages.getMessage("error.400.title", null, language)))
                    .append("</h1>\n<p class=\"lead\"").append(lang).append('>')
                    .append(escape(messages.getMessage("error.container.text", null, language))).append("</p>\n");
        }
        this.page = html.append("<p><a href=\"/\">").append(escape(messages.getMessage("site.name", null, SupportedLanguages.BASE)))
                .append("</a></p>\n</div></body></html>\n").toString();
    }

    /** The page as Tomcat sends it. */
    String page() {
        return page;
    }

    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text, "UTF-8");
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        Path file = writePage();
        factory.addContextCustomizers(context -> context.addLifecycleListener(event -> {
            if (Lifecycle.BEFORE_START_EVENT.equals(event.getType())) {
                Container host = context.getParent();
                for (Valve valve : host.getPipeline().getValves()) {
                    if (valve instanceof ErrorReportValve report) {
                        report.setShowReport(false);
                        report.setShowServerInfo(false);
                        report.setProperty("errorCode.0", file.toAbsolutePath().toString());
                    }
                }
            }
        }));
    }

    private Path writePage() {
        try {
            Path file = Files.createTempFile("solidarity-hub-error", ".html");
            Files.writeString(file, page, StandardCharsets.UTF_8);
            file.toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the container's error page", e);
        }
    }
}
