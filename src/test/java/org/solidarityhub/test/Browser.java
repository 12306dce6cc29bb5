package org.solidarityhub.test;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * A small browser for tests: real HTTP to the running app, cookies kept, no redirects followed unless
 * asked, HTML parsed with jsoup, and forms submitted the way a browser with JavaScript off does (every
 * field of the form, hidden ones included, with the given values on top). It sends no Origin or
 * Sec-Fetch-Site unless told to ({@link #header}), like a client that is not a browser.
 */
public final class Browser {

    /** A response. */
    public record Page(int status, java.net.http.HttpHeaders headers, String body, URI uri) {

        public Document doc() {
            return Jsoup.parse(body, uri.toString());
        }

        public String text(String cssSelector) {
            Element element = doc().selectFirst(cssSelector);
            if (element == null) {
                throw new AssertionError("no " + cssSelector + " on " + uri + " (" + status + "):\n" + body);
            }
            return element.text();
        }

        public Optional<String> header(String name) {
            return headers.firstValue(name);
        }

        public List<String> setCookies() {
            return headers.allValues("set-cookie");
        }

        public String location() {
            return header("location").orElseThrow(() -> new AssertionError("no redirect from " + uri + " (" + status + ")"));
        }

        public boolean isRedirect() {
            return status >= 300 && status < 400;
        }
    }

    private final String base;
    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient client;
    private String acceptLanguage = "en";
    private String forwardedFor;
    private boolean https;
    private final List<Map.Entry<URI, String>> cookiesSet = new ArrayList<>();
    private final Map<String, String> headers = new LinkedHashMap<>();

    public Browser(String base) {
        this(base, null);
    }

    /**
     * A browser whose connections leave from a local address of its own (127.0.0.2, say): a client next to the
     * reverse proxy but not the proxy.
     */
    public static Browser bound(String base, String localAddress) {
        try {
            return new Browser(base, java.net.InetAddress.getByName(localAddress));
        } catch (java.net.UnknownHostException e) {
            throw new AssertionError("not a local address: " + localAddress, e);
        }
    }

    private Browser(String base, java.net.InetAddress localAddress) {
        this.base = base;
        HttpClient.Builder builder = HttpClient.newBuilder();
        if (localAddress != null) {
            builder.localAddress(localAddress);
        }
        this.client = builder
                .cookieHandler(new java.net.CookieHandler() {
                    // a browser that believes it talks HTTPS (see https()) keeps and sends Secure cookies
                    @Override
                    public Map<String, List<String>> get(URI uri, Map<String, List<String>> headers) throws IOException {
                        return cookies.get(seen(uri), headers);
                    }

                    @Override
                    public void put(URI uri, Map<String, List<String>> headers) throws IOException {
                        cookies.put(seen(uri), headers);
                    }
                })
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    public Browser acceptLanguage(String header) {
        this.acceptLanguage = header;
        return this;
    }

    /**
     * Makes this browser's requests arrive as from {@code ip}, through the trusted local reverse proxy
     * (X-Forwarded-For from 127.0.0.1), so per-IP limits can be tested without touching 127.0.0.1's.
     */
    public Browser from(String ip) {
        this.forwardedFor = ip;
        return this;
    }

    /**
     * Sends this header with every request from now on (as a browser sends {@code Origin} and
     * {@code Sec-Fetch-Site}); headers given to a single request win.
     */
    public Browser header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    /** Makes this browser's requests arrive as over HTTPS through the trusted local proxy (X-Forwarded-Proto). */
    public Browser https() {
        this.https = true;
        return this;
    }

    private URI seen(URI uri) {
        return https ? URI.create("https" + uri.toString().substring(uri.getScheme().length())) : uri;
    }

    /** Every Set-Cookie header this browser has received, with the address that sent it. */
    public List<Map.Entry<URI, String>> cookiesSet() {
        return List.copyOf(cookiesSet);
    }

    public List<HttpCookie> cookies() {
        return cookies.getCookieStore().getCookies();
    }

    public Optional<String> cookie(String name) {
        return cookies().stream().filter(c -> c.getName().equals(name)).map(HttpCookie::getValue).findFirst();
    }

    public Page get(String pathOrUrl, String... headers) {
        return send(request(pathOrUrl, headers).GET().build());
    }

    /** GET, following redirects on this site. */
    public Page open(String pathOrUrl) {
        Page page = get(pathOrUrl);
        for (int i = 0; i < 10 && page.isRedirect(); i++) {
            page = get(page.uri().resolve(page.location()).toString());
        }
        return page;
    }

    public Page follow(Page page) {
        return open(page.uri().resolve(page.location()).toString());
    }

    /** A raw form POST with exactly these fields (no CSRF token unless given). */
    public Page post(String pathOrUrl, Map<String, String> fields) {
        return send(request(pathOrUrl).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(fields))).build());
    }

    /** A POST with a raw body (for malformed input). */
    public Page postRaw(String pathOrUrl, String contentType, byte[] body) {
        return send(request(pathOrUrl).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    public Page method(String method, String pathOrUrl) {
        return send(request(pathOrUrl).method(method, HttpRequest.BodyPublishers.noBody()).build());
    }

    /** Any method with these headers (name, value, name, value…) and body, as a script of a page sends it. */
    public Page method(String method, String pathOrUrl, byte[] body, String... headers) {
        return send(request(pathOrUrl, headers).method(method, HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    /**
     * Submits the form of a page matched by the selector: its hidden and visible fields as they are, then
     * {@code values} on top; checkboxes only when checked (or given). A form with {@code method="get"} goes as a
     * query, the others as a POST.
     */
    public Page submit(Page page, String formSelector, Map<String, ?> values) {
        Element form = form(page, formSelector);
        if ("get".equalsIgnoreCase(form.attr("method"))) { // as a browser does: the fields as the query of the action
            String action = target(page, form).toString().replaceAll("\\?.*", "");
            return send(request(action + "?" + encode(fields(form, values))).GET().build());
        }
        return send(request(target(page, form).toString()).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(fields(form, values)))).build());
    }

    /** A file to send in a multipart form: the part's name, the file name the browser tells, its declared type. */
    public record FilePart(String name, String filename, String contentType, byte[] content) {
    }

    /**
     * Submits a multipart form ({@code enctype="multipart/form-data"}) as a browser with JavaScript off does:
     * its fields as in {@link #submit(Page, String, Map)}, then the files.
     */
    public Page submitMultipart(Page page, String formSelector, Map<String, ?> values, List<FilePart> files) {
        Element form = form(page, formSelector);
        String boundary = "----BrowserBoundary" + java.util.UUID.randomUUID().toString().replace("-", "");
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        for (Map.Entry<String, String> field : fields(form, values)) {
            if (form.selectFirst("input[type=file][name=" + field.getKey() + "]") != null) {
                continue;
            }
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey() + "\"\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            body.writeBytes(field.getValue().getBytes(StandardCharsets.UTF_8));
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        for (FilePart file : files) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + file.name() + "\"; filename=\""
                    + file.filename() + "\"\r\nContent-Type: " + file.contentType() + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.writeBytes(file.content());
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(request(target(page, form).toString()).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build());
    }

    /** GET of a binary resource (an image, a ZIP): its status, headers and bytes. */
    public HttpResponse<byte[]> bytes(String pathOrUrl, String... headers) {
        try {
            return client.send(request(pathOrUrl, headers).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new AssertionError("request to " + pathOrUrl + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private static Element form(Page page, String formSelector) {
        Element form = page.doc().selectFirst(formSelector);
        if (form == null) {
            throw new AssertionError("no form " + formSelector + " on " + page.uri() + ":\n" + page.body());
        }
        return form;
    }

    private static URI target(Page page, Element form) {
        String action = form.hasAttr("action") && !form.attr("action").isEmpty() ? form.attr("action") : page.uri().getPath();
        return page.uri().resolve(action);
    }

    /** The fields a form sends: its own as they are (checkboxes only when checked), then the given values on top. */
    private static List<Map.Entry<String, String>> fields(Element form, Map<String, ?> values) {
        List<Map.Entry<String, String>> fields = new ArrayList<>();
        for (Element input : form.select("input[name], textarea[name], select[name]")) {
            String name = input.attr("name");
            if (values.containsKey(name)) {
                continue;
            }
            String type = input.attr("type");
            if ((type.equals("checkbox") || type.equals("radio")) && !input.hasAttr("checked")) {
                continue;
            }
            String value = input.tagName().equals("textarea") ? input.text()
                    : input.tagName().equals("select") ? Optional.ofNullable(input.selectFirst("option[selected]"))
                    .map(o -> o.attr("value")).orElse("") : input.attr("value");
            fields.add(Map.entry(name, value));
        }
        values.forEach((name, value) -> {
            if (value instanceof Iterable<?> many) {
                many.forEach(v -> fields.add(Map.entry(name, String.valueOf(v))));
            } else if (value != null) {
                fields.add(Map.entry(name, String.valueOf(value)));
            }
        });
        return fields;
    }

    public Page submit(Page page, String formSelector) {
        return submit(page, formSelector, Map.of());
    }

    private HttpRequest.Builder request(String pathOrUrl, String... headers) {
        URI uri = URI.create(pathOrUrl.startsWith("http") ? pathOrUrl : base + pathOrUrl);
        if (https && "https".equals(uri.getScheme())) {
            // the app, told it is behind an HTTPS proxy, links to https://host/…: the proxy is this browser
            uri = URI.create(base + uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
        }
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .header("Accept", "text/html,application/xhtml+xml;q=0.9,*/*;q=0.8")
                .header("Accept-Language", acceptLanguage);
        if (forwardedFor != null) {
            builder.header("X-Forwarded-For", forwardedFor);
        }
        if (https) {
            builder.header("X-Forwarded-Proto", "https");
        }
        this.headers.forEach(builder::setHeader);
        for (int i = 0; i + 1 < headers.length; i += 2) {
            builder.setHeader(headers[i], headers[i + 1]);
        }
        return builder;
    }

    private Page send(HttpRequest request) {
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            response.headers().allValues("set-cookie").forEach(cookie -> cookiesSet.add(Map.entry(request.uri(), cookie)));
            return new Page(response.statusCode(), response.headers(), response.body(), request.uri());
        } catch (IOException e) {
            throw new AssertionError("request to " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private static String encode(Map<String, String> fields) {
        return encode(new ArrayList<>(new LinkedHashMap<>(fields).entrySet()));
    }

    private static String encode(List<Map.Entry<String, String>> fields) {
        StringBuilder body = new StringBuilder();
        for (Map.Entry<String, String> field : fields) {
            if (!body.isEmpty()) {
                body.append('&');
            }
            body.append(URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8));
        }
        return body.toString();
    }
}
