package org.solidarityhub.platform;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPOutputStream;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Addresses only tests have, for the front cache test: each counts the requests that reach the app, and answers as a
 * cacheable page would (public, with a lifetime and an ETag, gzip when asked), with a twist per address: one sets a
 * cookie, one varies on the language, one sits under /staff. A POST to any of them is counted too.
 */
@RestController
public class FrontCacheProbe {

    public static final String PATH = "/api/test/front-cache/";
    public static final String STAFF_PATH = "/staff/login/test-front-cache/";

    private static final Map<String, AtomicInteger> REQUESTS = new ConcurrentHashMap<>();
    private static final Map<String, String> ENCODINGS_ASKED = new ConcurrentHashMap<>();

    /** How many requests with this method reached the app at this path. */
    public static int requests(String method, String path) {
        return REQUESTS.getOrDefault(method + " " + path, new AtomicInteger()).get();
    }

    /** The Accept-Encoding of the last request that reached the app at this path. */
    public static String encodingAsked(String path) {
        return ENCODINGS_ASKED.getOrDefault(path, "");
    }

    @GetMapping(PATH + "{name}")
    ResponseEntity<byte[]> page(@PathVariable String name, HttpServletRequest request) {
        int n = count(request);
        ResponseEntity.BodyBuilder response = ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN)
                .cacheControl(CacheControl.maxAge(Duration.ofSeconds(name.startsWith("short") ? 1 : 60)).cachePublic())
                .eTag("\"" + name + "-" + n + "\"");
        if (name.startsWith("cookie")) {
            response.header(HttpHeaders.SET_COOKIE, "probe=" + n + "; Path=/; HttpOnly; SameSite=Lax");
        }
        if (name.startsWith("language")) {
            response.header(HttpHeaders.VARY, "Accept-Language");
        }
        return body(response, "page " + name + " answer " + n, request);
    }

    @GetMapping(STAFF_PATH + "{name}")
    ResponseEntity<byte[]> staffPage(@PathVariable String name, HttpServletRequest request) {
        int n = count(request);
        return body(ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN)
                .cacheControl(CacheControl.maxAge(Duration.ofSeconds(60)).cachePublic()), "staff " + name + " answer " + n, request);
    }

    @PostMapping(PATH + "{name}")
    ResponseEntity<byte[]> post(@PathVariable String name, HttpServletRequest request) {
        int n = count(request);
        return body(ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN), "posted " + name + " answer " + n, request);
    }

    /** Where the request came from, as the app understands it behind the proxy. */
    @GetMapping(PATH + "{name}/client")
    Map<String, Object> client(HttpServletRequest request) {
        return Map.of("address", request.getRemoteAddr(), "scheme", request.getScheme(), "host", request.getServerName(),
                "port", request.getServerPort());
    }

    private static int count(HttpServletRequest request) {
        String path = request.getRequestURI();
        ENCODINGS_ASKED.put(path, String.valueOf(request.getHeader(HttpHeaders.ACCEPT_ENCODING)));
        return REQUESTS.computeIfAbsent(request.getMethod() + " " + path, k -> new AtomicInteger()).incrementAndGet();
    }

    /** The text, gzipped when the client accepts gzip. */
    private static ResponseEntity<byte[]> body(ResponseEntity.BodyBuilder response, String text, HttpServletRequest request) {
        byte[] plain = text.getBytes(StandardCharsets.UTF_8);
        String accepted = request.getHeader(HttpHeaders.ACCEPT_ENCODING);
        response.header(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
        if (accepted == null || !accepted.contains("gzip")) {
            return response.body(plain);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
            gzip.write(plain);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return response.header(HttpHeaders.CONTENT_ENCODING, "gzip").body(bytes.toByteArray());
    }
}
