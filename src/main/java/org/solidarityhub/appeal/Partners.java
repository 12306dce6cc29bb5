package org.solidarityhub.appeal;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.solidarityhub.organizations.Organizations;
import org.solidarityhub.platform.AuditLog;
import org.solidarityhub.platform.ContentVersions;
import org.solidarityhub.submissions.Problems;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The appeal's partners (coalition attribution): staff create and edit them, each change audited in its
 * transaction; the widget ({@link AppealEmbedController}) names the partner on the signatures made in it; staff see
 * per partner what it brought; the public sees counts only, only of partners that agreed, and groups smaller than
 * {@code appeal.small-count-threshold} only as "fewer than" (as every public count, {@link PublicCounts}).
 */
@Service
class Partners {

    /** The staff form of a partner. {@code publicCount} is the checkbox: "true" when ticked. */
    record Form(@Nullable String name, @Nullable String slug, @Nullable String website, @Nullable Boolean publicCount) {

        static Form empty() {
            return new Form("", "", "", false);
        }

        static Form of(Partner partner) {
            return new Form(partner.name(), partner.slug(), partner.website() == null ? "" : partner.website(), partner.publicCount());
        }

        public boolean agreed() {
            return Boolean.TRUE.equals(publicCount);
        }
    }

    static final int NAME_LIMIT = Organizations.NAME_LIMIT;

    private final PartnerStore store;
    private final Appeals appeals;
    private final ContentVersions versions;
    private final AuditLog audit;
    private final int smallCountThreshold;

    Partners(PartnerStore store, Appeals appeals, ContentVersions versions, AuditLog audit, AppealProperties properties) {
        this.store = store;
        this.appeals = appeals;
        this.versions = versions;
        this.audit = audit;
        this.smallCountThreshold = properties.smallCountThreshold();
    }

    List<Partner> all() {
        return store.all();
    }

    Optional<Partner> find(long id) {
        return store.find(id);
    }

    /** The partner a widget's address names; empty for no name, an unknown one or one that cannot be a slug. */
    Optional<Partner> bySlug(@Nullable String slug) {
        if (slug == null || !AppealEditing.SLUG.matcher(slug.strip()).matches()) {
            return Optional.empty();
        }
        return store.bySlug(slug.strip());
    }

    /** Field by field, what is wrong with a form ({@code editing}: the partner it changes, null for a new one). */
    Problems problems(Form form, @Nullable Partner editing) {
        Problems problems = new Problems("appeal.partner.error");
        problems.text("name", form.name()).required().maxLength(NAME_LIMIT).plain().noControl().oneLine().singleLine();
        String slug = form.slug() == null ? "" : form.slug().strip();
        if (!AppealEditing.SLUG.matcher(slug).matches()) {
            problems.add("slug", "slug");
        } else if (store.bySlug(slug).filter(p -> editing == null || p.id() != editing.id()).isPresent()) {
            problems.add("slug", "slugTaken");
        }
        if (!Organizations.isValidWebsite(form.website())) {
            problems.add("website", "website");
        }
        return problems;
    }

    /** Creates a partner whose form has no {@link #problems}. */
    @Transactional
    Partner create(Form form) {
        long id = store.insert(form.slug().strip(), form.name().strip(), website(form), form.agreed());
        audit.record("appeal.partner-created", "appeal-partner", id, detail(form));
        shownChanged();
        return store.find(id).orElseThrow();
    }

    /** Changes a partner whose form has no {@link #problems}. */
    @Transactional
    void update(Partner partner, Form form) {
        store.update(partner.id(), form.slug().strip(), form.name().strip(), website(form), form.agreed());
        audit.record("appeal.partner-changed", "appeal-partner", partner.id(), detail(form));
        shownChanged();
    }

    /** Per partner, what it brought to an appeal, for staff: every partner, the most confirmed first. */
    List<Partner.Tally> tallies(long appealId) {
        Map<Long, PartnerStore.Counts> counts = store.counts(appealId);
        return store.all().stream()
                .map(p -> {
                    PartnerStore.Counts c = counts.getOrDefault(p.id(), PartnerStore.Counts.NONE);
                    return new Partner.Tally(p, c.confirmed(), c.counted(), c.pending());
                })
                .sorted(Comparator.comparingLong(Partner.Tally::confirmed).reversed())
                .toList();
    }

    /** What one partner brought to an appeal, for staff. */
    Partner.Tally tally(long appealId, Partner partner) {
        PartnerStore.Counts c = store.counts(appealId).getOrDefault(partner.id(), PartnerStore.Counts.NONE);
        return new Partner.Tally(partner, c.confirmed(), c.counted(), c.pending());
    }

    /**
     * The partners the public sees on an appeal: only those that agreed and brought at least one signature counted
     * publicly, the most first; small counts only as "fewer than".
     */
    List<Partner.Shown> shown(long appealId) {
        // ordered by what the public sees (not by the exact counts behind "fewer than"), then by name
        return store.publicCounts(appealId).entrySet().stream()
                .map(e -> new Partner.Shown(e.getKey().name(), e.getKey().website(),
                        PublicCounts.Count.of(e.getValue(), smallCountThreshold)))
                .sorted(Comparator.comparingLong((Partner.Shown s) -> s.count().shown()).reversed()
                        .thenComparing(Partner.Shown::name))
                .toList();
    }

    private static @Nullable String website(Form form) {
        return form.website() == null || form.website().isBlank() ? null : form.website().strip();
    }

    private static String detail(Form form) {
        return form.slug().strip() + (form.agreed() ? " public" : " not public");
    }

    /** The appeals' pages show the partners that agreed: a change of a partner is a change of every appeal's pages. */
    private void shownChanged() {
        appeals.all().forEach(a -> versions.changed(AppealPages.version(a.id())));
    }
}
