package org.solidarityhub.platform;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.server.ResponseStatusException;

/**
 * The share cards of public pages (docs/og-images.md): the PNG that Telegram, Mastodon, Signal, X and the rest show
 * when someone shares a link, at the page's own address plus {@value #SUFFIX}, in the page's language
 * ({@code /uk/events/5/card.png}). A feature says which pages have a card and what each shows (a
 * {@link ShareCardSource} bean making {@link ShareCard}s); the platform answers them ({@link ShareCardMappings}) and
 * declares them to the page cache ({@link #page}); the feature names the card in its page's {@code <head>} with
 * {@link #addTags} (or {@link #addPage}).
 * <p>
 * Rendered cards are kept in memory by language and by what they show (not by the page's version: a new signature
 * that leaves the card's rounded count alone renders nothing), at most {@value #CACHE_MB} MB per instance. Each
 * card is rendered once however many readers ask for it at the same moment, and at most {@link #RENDERERS} cards
 * are rendered at a time, so a crawler asking for every card at once waits instead of taking every core.
 */
@Component
public class ShareCards implements DisposableBean {

    /** What a page's address gets to become its card's. */
    public static final String SUFFIX = "/card.png";
    public static final int WIDTH = ShareCardRenderer.WIDTH;
    public static final int HEIGHT = ShareCardRenderer.HEIGHT;

    static final int CACHE_MB = 32;
    static final int RENDERERS = Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors()));
    /** How long a reader waits for a card being rendered before being told to come back (503). */
    private static final long WAIT_SECONDS = 15;
    private static final Logger log = LoggerFactory.getLogger(ShareCards.class);

    /** A rendered card is the same image exactly when all of these are equal. */
    private record Key(ShareCard card, String language, String siteName, String host) {
    }

    private final ShareCardRenderer renderer = new ShareCardRenderer();
    private final MessageSource messages;
    private final PlatformProperties platform;
    private final ExecutorService renderers;
    private final AsyncCache<Key, byte[]> cards;
    private final AtomicLong rendered = new AtomicLong();
    private final ObjectProvider<ShareCardPictures> pictures;

    ShareCards(MessageSource messages, PlatformProperties platform, ObjectProvider<MeterRegistry> registry,
               ObjectProvider<ShareCardPictures> pictures) {
        this.messages = messages;
        this.platform = platform;
        this.pictures = pictures;
        AtomicInteger threads = new AtomicInteger();
        this.renderers = Executors.newFixedThreadPool(RENDERERS, task -> {
            Thread thread = new Thread(task, "share-cards-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.cards = Caffeine.newBuilder()
                .maximumWeight(CACHE_MB * 1024L * 1024L)
                .weigher((Key key, byte[] png) -> png.length + 512)
                .buildAsync();
        registry.ifAvailable(meters -> FunctionCounter.builder("app.cards.rendered", rendered, AtomicLong::get)
                .description("share cards rendered (not served from memory)").register(meters));
    }

    /**
     * A source's cards declared to the page cache: validators and the lifetime of a live page, the version being what
     * the card shows (so its ETag stays while the card would look the same, whatever else changes on its page).
     */
    PublicPage page(ShareCardSource source) {
        ShareCardSource.Pages pages = source.pages();
        return PublicPage.at(pages.pattern() + SUFFIX)
                .versionedBy(page -> page.variable(pages.variable()) + '|' + page.language().getLanguage(),
                        page -> source.card(page.variable(pages.variable()), page.language())
                                .map(card -> version(card, page.language())))
                .named(pages.name());
    }

    /** The card as a PNG response; 404 (the usual page) when there is no card, so nothing private is ever drawn. */
    public ResponseEntity<byte[]> png(Optional<ShareCard> card, Locale locale) {
        ShareCard shown = card.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).body(bytes(shown, locale));
    }

    /** The PNG of a card, from memory when it was rendered before. */
    public byte[] bytes(ShareCard card, Locale locale) {
        Key key = key(card, locale);
        CompletableFuture<byte[]> png = cards.get(key, (k, executor) -> CompletableFuture.supplyAsync(() -> render(k), renderers));
        try {
            return png.get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE); // rendering goes on, for the next reader
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a share card could not be rendered", e.getCause());
        }
    }

    /** The version of a card as the page cache sees it: changes exactly when its image would. */
    public PageVersion version(ShareCard card, Locale locale) {
        Key key = key(card, locale);
        StringBuilder text = new StringBuilder(ShareCardRenderer.DESIGN);
        for (Object part : new Object[] {key.language(), key.siteName(), key.host(), card.kicker(), card.title(),
                String.join("\n", card.details()), card.figure(), card.figureLabel(), card.percent(), card.badge(),
                card.picture()}) {
            text.append('\u0000').append(part);
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
            return PageVersion.of(null, "card", Base64.getUrlEncoder().withoutPadding().encodeToString(hash).substring(0, 16));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The absolute address of a page's card in a language: the page's own address plus {@value #SUFFIX}. */
    public String imageUrl(Locale locale, String pagePath) {
        return platform.link(locale, pagePath + SUFFIX);
    }

    /**
     * Names a page's card in its {@code <head>} (layout.html: og:image with its size and text, the large Twitter card):
     * {@code ogImage} and {@code ogImageAlt}. The page needs its {@code og} (title, description, url) as well.
     *
     * @param alt what the image shows, for those who do not see it (usually the page's title)
     */
    public void addTags(Model model, Locale locale, String pagePath, String alt) {
        model.addAttribute("ogImage", imageUrl(locale, pagePath));
        model.addAttribute("ogImageAlt", alt);
        // the share links (fragments/share.html): the page without a language, so each reader gets theirs
        model.addAttribute("shareUrl", platform.link(pagePath));
        model.addAttribute("shareTitle", alt);
    }

    /** The Open Graph texts of a page (layout.html), for a page that sets none of its own. */
    public record OpenGraph(String title, String description, String url) {
    }

    /**
     * Gives a page its Open Graph and Twitter tags with its card: {@code og} (title, description, its absolute
     * address in this language) and the card as in {@link #addTags}.
     */
    public void addPage(Model model, Locale locale, String pagePath, String title, String description) {
        model.addAttribute("og", new OpenGraph(title, description, platform.link(locale, pagePath)));
        addTags(model, locale, pagePath, title);
    }

    private Key key(ShareCard card, Locale locale) {
        String host = platform.baseUrl().getHost() == null ? "" : platform.baseUrl().getHost()
                + (platform.baseUrl().getPort() < 0 ? "" : ":" + platform.baseUrl().getPort());
        return new Key(card, locale.getLanguage(), messages.getMessage("site.name", null, "Solidarity Hub", locale), host);
    }

    /** Draws the card; one that cannot be drawn becomes a card with the site's name alone, never an error. */
    private byte[] render(Key key) {
        rendered.incrementAndGet();
        Locale locale = Locale.forLanguageTag(key.language());
        try {
            return renderer.render(key.card(), key.siteName(), key.host(), locale, picture(key.card()));
        } catch (RuntimeException e) {
            log.warn("A share card could not be drawn; the plain card is sent instead ({})", e.getClass().getName());
            return renderer.render(ShareCard.of("", key.siteName()), key.siteName(), key.host(), locale);
        }
    }

    /** The card's picture, when it names one that is public (else the card is drawn without it). */
    private java.awt.image.@org.jspecify.annotations.Nullable BufferedImage picture(ShareCard card) {
        ShareCardPictures source = pictures.getIfAvailable();
        if (card.picture() == null || source == null) {
            return null;
        }
        return source.picture(card.picture()).orElse(null);
    }

    /** How many cards were drawn since the start (for tests; the counter app.cards.rendered for operators). */
    long rendered() {
        return rendered.get();
    }

    @Override
    public void destroy() {
        renderers.shutdownNow();
    }
}
