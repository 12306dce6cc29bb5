package org.solidarityhub.appeal;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.solidarityhub.platform.ContentVersions;
import org.solidarityhub.platform.PageVersion;
import org.springframework.stereotype.Component;

/** What other features may know of an appeal (news shows it as a card): its slug, title and page. */
@Component
public class AppealDirectory {

    /** An appeal: its slug, its title in the asked language (else its default), its page without language prefix, open or not. */
    public record AppealRef(long id, String slug, String title, String path, boolean open) {
    }

    /**
     * The appeal the site leads with, as the front page shows it: its title in the asked language, its page, its
     * public count ({@code fewer}: only "fewer than {@code count}" may be said, see the small-count rule) and the goal
     * its page shows (the next step of the moving goal, or the staff's final target: {@link AppealGoal}).
     */
    public record Featured(long id, String slug, String title, String path, boolean open, long count, boolean fewer,
                           @Nullable Integer goal, String language) {

        /** The count a progress bar may show: 0 while only "fewer than" may be said. */
        public long shownCount() {
            return fewer ? 0 : count;
        }
    }

    private final Appeals appeals;
    private final SignatureCounts counts;
    private final ContentVersions versions;

    private final AppealProperties properties;

    AppealDirectory(Appeals appeals, SignatureCounts counts, ContentVersions versions, AppealProperties properties) {
        this.properties = properties;
        this.appeals = appeals;
        this.counts = counts;
        this.versions = versions;
    }

    public Optional<AppealRef> bySlug(String slug, Locale locale) {
        return appeals.bySlug(slug).map(a -> new AppealRef(a.id(), a.slug(), appeals.currentFor(a, locale).title(),
                "/appeals/" + a.slug(), a.state() == Appeal.State.OPEN));
    }

    /** The appeal {@code /appeal} leads to: the newest open one, else the newest; empty when there is none. */
    public Optional<Featured> featured(Locale locale) {
        return leading().map(a -> {
            PublicCounts.Count total = counts.publicOf(a.id()).total();
            long goal = AppealGoal.of(total.shown(), a.goal(), properties.goalSteps()).target(); // as the appeal's page
            Appeal.Revision text = appeals.currentFor(a, locale);
            return new Featured(a.id(), a.slug(), text.title(), "/appeals/" + a.slug(),
                    a.isOpen(), total.value(), total.fewer(), (int) Math.min(Integer.MAX_VALUE, goal), text.language());
        });
    }

    /** The version of what {@link #featured} shows (which appeal, its texts, state, goal and counts), for a page cache. */
    public PageVersion featuredVersion() {
        return leading().map(a -> PageVersion.of(null, "appeal", a.id()).and(versions.read(AppealPages.version(a.id()))))
                .orElse(PageVersion.of(null, "no-appeal"));
    }

    private Optional<Appeal> leading() {
        List<Appeal> open = appeals.open();
        List<Appeal> any = open.isEmpty() ? appeals.all() : open;
        return any.stream().findFirst();
    }
}
