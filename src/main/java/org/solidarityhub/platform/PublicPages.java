package org.solidarityhub.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.server.PathContainer;
import org.springframework.stereotype.Component;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Every {@link PublicPage} the features declared, and for a request: which one it is and its version (memoized
 * per version key for {@code app.pages.version-memo}, see {@link VersionMemo}).
 */
@Component
class PublicPages {

    /** A request for a declared page. */
    record Match(PublicPage page, PageRequest request) {
    }

    private record Compiled(PathPattern pattern, PublicPage page) {
    }

    private final List<Compiled> patterns = new ArrayList<>();
    private final VersionMemo memo;

    PublicPages(List<PublicPage> declared, List<ShareCardSource> cardSources, ShareCards cards, VersionMemo memo) {
        this.memo = memo;
        PathPatternParser parser = PathPatternParser.defaultInstance;
        List<PublicPage> pages = new ArrayList<>(declared);
        cardSources.forEach(source -> pages.add(cards.page(source))); // the share cards of pages (docs/og-images.md)
        for (PublicPage page : pages) {
            page.paths().forEach(path -> patterns.add(new Compiled(parser.parse(path), page)));
        }
        // the most specific pattern first, as Spring MVC chooses its handler
        patterns.sort((a, b) -> PathPattern.SPECIFICITY_COMPARATOR.compare(a.pattern(), b.pattern()));
    }

    Optional<Match> match(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        PathContainer container = PathContainer.parsePath(path);
        for (Compiled compiled : patterns) {
            PathPattern.PathMatchInfo info = compiled.pattern().matchAndExtract(container);
            if (info != null) {
                return Optional.of(new Match(compiled.page(), new PageRequest(info.getUriVariables(), request)));
            }
        }
        return Optional.empty();
    }

    /** The version of the matched page, read at most once per memo time and key. */
    Optional<PageVersion> version(Match match) {
        PublicPage page = match.page();
        String key = page.name() + ':' + page.versionKey().apply(match.request());
        return memo.get(key, () -> page.version().apply(match.request()));
    }
}
