package org.solidarityhub.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.catalina.Container;
import org.apache.catalina.Lifecycle;
import org.apache.catalina.Valve;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * Requests so malformed that Tomcat refuses them before the application sees them (an undecodable path,
 * say) get this static page in English and Ukrainian instead of Tomcat's own report.
 */
@Component
class ContainerErrorPage implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    static final String PAGE = """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Solidarity Hub</title><link rel="stylesheet" href="/css/site.css"></head>
            <body><div class="wrap main error-page">
            <h1>This request could not be handled</h1>
            <p class="lead">Something in the request was not right, for example an address that is not valid UTF-8.</p>
            <h1 lang="uk">Не вдалося обробити запит</h1>
            <p class="lead" lang="uk">У запиті щось не так, наприклад адреса, що не є коректним UTF-8.</p>
            <p><a href="/">Solidarity Hub</a></p>
            </div></body></html>
            """;

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        Path page = writePage();
        factory.addContextCustomizers(context -> context.addLifecycleListener(event -> {
            if (Lifecycle.BEFORE_START_EVENT.equals(event.getType())) {
                Container host = context.getParent();
                for (Valve valve : host.getPipeline().getValves()) {
                    if (valve instanceof ErrorReportValve report) {
                        report.setShowReport(false);
                        report.setShowServerInfo(false);
                        report.setProperty("errorCode.0", page.toAbsolutePath().toString());
                    }
                }
            }
        }));
    }

    private static Path writePage() {
        try {
            Path file = Files.createTempFile("solidarity-hub-error", ".html");
            Files.writeString(file, PAGE, StandardCharsets.UTF_8);
            file.toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the container's error page", e);
        }
    }
}
