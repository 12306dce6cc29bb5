package org.solidarityhub.appeal;

import java.util.Locale;
import java.util.Optional;

import org.springframework.stereotype.Component;

/** What other features may know of an appeal (news shows it as a card): its slug, title and page. */
@Component
public class AppealDirectory {

    /** An appeal: its slug, its title in the asked language (else its default), its page without language prefix, open or not. */
    public record AppealRef(long id, String slug, String title, String path, boolean open) {
    }

    private final Appeals appeals;

    AppealDirectory(Appeals appeals) {
        this.appeals = appeals;
    }

    public Optional<AppealRef> bySlug(String slug, Locale locale) {
        return appeals.bySlug(slug).map(a -> new AppealRef(a.id(), a.slug(), appeals.currentFor(a, locale).title(),
                "/appeals/" + a.slug(), a.state() == Appeal.State.OPEN));
    }
}
