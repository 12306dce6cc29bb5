package org.solidarityhub.platform;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * A public page only tests have, declared to the page cache like any feature's: it counts how often it is rendered,
 * and its version is whatever the test sets, so a test can tell a 304 or a kept page from a rendered one.
 */
@RestController
public class PageCacheProbe {

    static final String PATH = "/test/page-cache";

    final AtomicInteger renders = new AtomicInteger();
    final AtomicReference<String> version = new AtomicReference<>("1");

    @Bean
    PublicPage probePage() {
        return PublicPage.at(PATH, PATH + "/*")
                .versionedBy(page -> "", page -> Optional.of(PageVersion.of(java.time.Instant.parse("2026-11-01T10:00:00Z"), version.get())))
                .kept().named("probe");
    }

    /** A page of {@code size} bytes of text; {@code cookie} sets one, {@code status} answers that status instead. */
    @GetMapping({PATH, PATH + "/text"})
    ResponseEntity<String> page(@RequestParam(defaultValue = "2000") int size, @RequestParam(required = false) String cookie,
                                @RequestParam(required = false) Integer status, HttpServletResponse response) {
        renders.incrementAndGet();
        if (status != null && status >= 500) {
            throw new ResponseStatusException(HttpStatus.valueOf(status));
        }
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(status == null ? 200 : status).contentType(MediaType.TEXT_PLAIN);
        if (cookie != null) {
            answer.header("Set-Cookie", ResponseCookie.from("probe", cookie).path("/").httpOnly(true).sameSite("Lax").build().toString());
        }
        StringBuilder body = new StringBuilder("version " + version.get() + "\n");
        while (body.length() < size) {
            body.append("Peace for Ukraine. ");
        }
        return answer.body(body.substring(0, size));
    }
}
