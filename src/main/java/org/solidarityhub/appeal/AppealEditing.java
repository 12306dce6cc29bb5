package org.solidarityhub.appeal;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.solidarityhub.platform.AuditLog;
import org.solidarityhub.platform.ContentLanguages;
import org.solidarityhub.platform.SupportedLanguages;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What editors do to appeals: create one with its first text, add a revision of a text (in any language,
 * not only those of the interface), change the state and goal. Each form is checked here and each change
 * audited in its transaction.
 */
@Service
class AppealEditing {

    /** The form of a new appeal. */
    record NewAppeal(@Nullable String slug, @Nullable String language, @Nullable String title, @Nullable String body,
                     @Nullable String goal) {

        static NewAppeal empty() {
            return new NewAppeal("", SupportedLanguages.BASE.getLanguage(), "", "", "");
        }
    }

    /** The form of a new revision of one language's text. */
    record TextEdit(@Nullable String language, @Nullable String title, @Nullable String body, @Nullable String note) {
    }

    /** The settings form. */
    record Settings(@Nullable String state, @Nullable String goal) {
    }

    static final Pattern SLUG = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,78}[a-z0-9])?");
    static final int TITLE_LIMIT = 200;
    static final int BODY_LIMIT = 50_000;
    static final int NOTE_LIMIT = 300;

    private final Appeals appeals;
    private final ContentLanguages languages;
    private final AuditLog audit;

    AppealEditing(Appeals appeals, ContentLanguages languages, AuditLog audit) {
        this.appeals = appeals;
        this.languages = languages;
        this.audit = audit;
    }

    /** The languages an editor may write a text in, named in the editor's language: the interface's first. */
    List<ContentLanguages.Option> textLanguages(Locale reader) {
        return languages.offered(reader);
    }

    /** The message key of what is wrong with a new appeal, if anything. */
    Optional<String> problem(NewAppeal form) {
        String slug = form.slug() == null ? "" : form.slug().strip();
        if (!SLUG.matcher(slug).matches()) {
            return Optional.of("appeal.staff.error.slug");
        }
        if (appeals.bySlug(slug).isPresent()) {
            return Optional.of("appeal.staff.error.slugTaken");
        }
        if (!isLanguageCode(form.language())) {
            return Optional.of("appeal.staff.error.language");
        }
        return textProblem(form.title(), form.body())
                .or(() -> Goal.parse(form.goal()).valid() ? Optional.empty() : Optional.of("appeal.staff.error.goal"));
    }

    /** Creates an appeal whose form has no {@link #problem(NewAppeal)}. */
    @Transactional
    Appeal create(NewAppeal form, String author) {
        String slug = form.slug().strip();
        Appeal created = appeals.create(slug, form.language().strip(), Goal.parse(form.goal()).value(), form.title().strip(),
                form.body().strip(), author);
        audit.record("appeal.created", "appeal", created.id(), slug);
        return created;
    }

    /** The message key of what is wrong with a revision, if anything. */
    Optional<String> problem(TextEdit form) {
        if (!isLanguageCode(form.language())) {
            return Optional.of("appeal.staff.error.language");
        }
        return textProblem(form.title(), form.body())
                .or(() -> form.note() != null && form.note().length() > NOTE_LIMIT ? Optional.of("appeal.staff.error.note") : Optional.empty());
    }

    /** Adds a revision whose form has no {@link #problem(TextEdit)}. */
    @Transactional
    void revise(Appeal appeal, TextEdit form, String author) {
        String language = form.language().strip();
        String note = form.note() == null || form.note().isBlank() ? null : form.note().strip();
        Appeal.Revision revision = appeals.revise(appeal.id(), language, form.title().strip(), form.body().strip(), note, author);
        audit.record("appeal.revised", "appeal", appeal.id(), language + " #" + revision.number());
    }

    /** Changes state and goal; the message key of what is wrong with the form instead, if anything. */
    @Transactional
    Optional<String> change(Appeal appeal, Settings form) {
        Appeal.State state = SignForm.parse(Appeal.State.class, form.state());
        Goal goal = Goal.parse(form.goal());
        if (state == null) {
            return Optional.of("appeal.staff.error.state");
        }
        if (!goal.valid()) {
            return Optional.of("appeal.staff.error.goal");
        }
        appeals.update(appeal.id(), state, goal.value());
        audit.record("appeal.settings-changed", "appeal", appeal.id(), "state=" + state + " goal=" + goal.value());
        return Optional.empty();
    }

    /** Texts may be in any language, not only those of the interface. */
    static boolean isLanguageCode(@Nullable String code) {
        return code != null && ContentLanguages.isKnown(code.strip());
    }

    private static Optional<String> textProblem(@Nullable String title, @Nullable String body) {
        if (title == null || title.isBlank() || title.strip().length() > TITLE_LIMIT) {
            return Optional.of("appeal.staff.error.title");
        }
        if (body == null || body.isBlank() || body.length() > BODY_LIMIT) {
            return Optional.of("appeal.staff.error.body");
        }
        return Optional.empty();
    }

    /** A signature goal as typed: none (blank), a number from 1 to 100 million, or invalid. */
    record Goal(boolean valid, @Nullable Integer value) {

        static final int MAX = 100_000_000;

        static Goal parse(@Nullable String text) {
            if (text == null || text.isBlank()) {
                return new Goal(true, null);
            }
            try {
                int goal = Integer.parseInt(text.strip());
                return goal > 0 && goal <= MAX ? new Goal(true, goal) : new Goal(false, null);
            } catch (NumberFormatException e) {
                return new Goal(false, null);
            }
        }
    }
}
