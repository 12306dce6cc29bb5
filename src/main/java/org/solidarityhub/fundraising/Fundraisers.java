package org.solidarityhub.fundraising;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.solidarityhub.events.EventDirectory;
import org.solidarityhub.platform.AuditLog;
import org.solidarityhub.platform.BadInputException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/** Treasurers create fundraisers, change their texts, goal and state, and list their needs. */
@Service
public class Fundraisers {

    static final int SLUG = 80;
    static final int TITLE = 200;
    static final int SUMMARY = 2000;
    static final int HOW_TO_GIVE = 5000;
    static final int ITEM = 200;
    static final int DESCRIPTION = 2000;

    /** A new fundraiser as typed: the address (slug) and the base currency are fixed afterwards. */
    record NewFundraiser(@Nullable String slug, @Nullable String title, @Nullable String summary,
                         @Nullable String baseCurrency, @Nullable String goal, @Nullable String campaign,
                         @Nullable String howToGive) {
        static NewFundraiser empty() {
            return new NewFundraiser("", "", "", "EUR", "", "", "");
        }
    }

    /** The settings of a fundraiser as typed. */
    record Settings(@Nullable String title, @Nullable String summary, @Nullable String goal,
                    @Nullable String campaign, @Nullable String howToGive, @Nullable String state) {
        static Settings of(Fundraiser f, @Nullable String campaignSlug) {
            Money goal = f.goal();
            return new Settings(f.title(), f.summary(), goal == null ? "" : goal.plain(),
                    campaignSlug == null ? "" : campaignSlug, f.howToGive(), f.state().name());
        }
    }

    /** A new need as typed: the unit cost is in the base currency. */
    record NewNeed(@Nullable String item, @Nullable String description, @Nullable String quantity,
                   @Nullable String unitCost, @Nullable String priority) {
        static NewNeed empty() {
            return new NewNeed("", "", "", "", "NORMAL");
        }
    }

    private final FundraiserStore store;
    private final EventDirectory campaigns;
    private final AuditLog audit;
    private final Clock clock;
    private final FundraisingVersions versions;

    Fundraisers(FundraiserStore store, EventDirectory campaigns, AuditLog audit, Clock clock,
                FundraisingVersions versions) {
        this.versions = versions;
        this.store = store;
        this.campaigns = campaigns;
        this.audit = audit;
        this.clock = clock;
    }

    public Optional<Fundraiser> find(long id) {
        return store.find(id);
    }

    public Optional<Fundraiser> bySlug(String slug) {
        return store.bySlug(slug);
    }

    /** Every fundraiser, newest first; {@code publicOnly}: without drafts. */
    public List<Fundraiser> all(boolean publicOnly) {
        return store.all(publicOnly);
    }

    public List<Need> needs(long fundraiserId) {
        return store.needs(fundraiserId);
    }

    public Optional<Need> need(long needId) {
        return store.need(needId);
    }

    /** The fundraiser, or 404. */
    Fundraiser get(long id) {
        return store.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    /** The campaign's slug of a fundraiser in one, for the settings form. */
    @Nullable String campaignSlug(Fundraiser fundraiser) {
        Long id = fundraiser.campaignId();
        return id == null ? null : campaigns.campaign(id, Locale.ENGLISH).map(EventDirectory.CampaignRef::slug).orElse(null);
    }

    @Transactional
    public long create(NewFundraiser form) {
        Fields fields = new Fields(LocalDate.now(clock));
        String slug = fields.line("slug", form.slug(), SLUG, true);
        if (slug != null && !slug.matches("[a-z0-9][a-z0-9-]*")) {
            fields.add("slug", "slug.format");
        } else if (slug != null && store.slugTaken(slug)) {
            fields.add("slug", "slug.taken");
        }
        String title = fields.line("title", form.title(), TITLE, true);
        String summary = fields.text("summary", form.summary(), SUMMARY, false);
        String base = fields.currency("baseCurrency", form.baseCurrency());
        Money goal = base == null ? null : fields.money("goal", form.goal(), base, false);
        Long campaign = campaign(fields, form.campaign());
        String howToGive = fields.text("howToGive", form.howToGive(), HOW_TO_GIVE, false);
        fields.done();
        long id = store.insert(slug, title, summary == null ? "" : summary, base, goal == null ? null : goal.minor(),
                campaign, howToGive == null ? "" : howToGive, Fundraiser.State.DRAFT, clock.instant());
        audit.record("fundraising.fundraiser.created", "fundraiser", id, slug + ", " + base);
        return id;
    }

    @Transactional
    public void change(long id, Settings form) {
        Fundraiser fundraiser = get(id);
        Fields fields = new Fields(LocalDate.now(clock));
        String title = fields.line("title", form.title(), TITLE, true);
        String summary = fields.text("summary", form.summary(), SUMMARY, false);
        Money goal = fields.money("goal", form.goal(), fundraiser.baseCurrency(), false);
        Long campaign = campaign(fields, form.campaign());
        String howToGive = fields.text("howToGive", form.howToGive(), HOW_TO_GIVE, false);
        Fundraiser.State state = fields.choice("state", form.state(), Fundraiser.State.class, null);
        fields.done();
        versions.changed(id);
        store.update(id, title, summary == null ? "" : summary, goal == null ? null : goal.minor(), campaign,
                howToGive == null ? "" : howToGive, state);
        audit.record("fundraising.fundraiser.changed", "fundraiser", id, "state " + state
                + ", goal " + (goal == null ? "none" : goal));
    }

    @Transactional
    public long addNeed(long fundraiserId, NewNeed form) {
        Fundraiser fundraiser = get(fundraiserId);
        Fields fields = new Fields(LocalDate.now(clock));
        String item = fields.line("item", form.item(), ITEM, true);
        String description = fields.text("description", form.description(), DESCRIPTION, false);
        Long quantity = fields.quantity("quantity", form.quantity());
        Money unitCost = fields.money("unitCost", form.unitCost(), fundraiser.baseCurrency(), true);
        Need.Priority priority = fields.choice("priority", form.priority(), Need.Priority.class, Need.Priority.NORMAL);
        fields.done();
        versions.changed(fundraiserId);
        long id = store.insertNeed(fundraiserId, item, description == null ? "" : description, quantity,
                unitCost.minor(), priority, clock.instant());
        audit.record("fundraising.need.added", "need", id, "fundraiser " + fundraiserId + ", " + quantity + " × "
                + unitCost);
        return id;
    }

    @Transactional
    public void needState(long fundraiserId, long needId, Need.State state) {
        Need need = store.need(needId).filter(n -> n.fundraiserId() == fundraiserId)
                .orElseThrow(() -> new BadInputException("fundraising.error.noNeed"));
        versions.changed(fundraiserId);
        store.needState(need.id(), state);
        audit.record("fundraising.need." + state.name().toLowerCase(Locale.ROOT), "need", needId, null);
    }

    private @Nullable Long campaign(Fields fields, @Nullable String slug) {
        if (slug == null || slug.isBlank()) {
            return null;
        }
        Optional<EventDirectory.CampaignRef> campaign = campaigns.campaign(slug.strip(), Locale.ENGLISH);
        if (campaign.isEmpty()) {
            fields.add("campaign", "campaign.unknown");
            return null;
        }
        return campaign.get().id();
    }
}
