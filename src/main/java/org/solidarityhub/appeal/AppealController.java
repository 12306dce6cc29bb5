package org.solidarityhub.appeal;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.solidarityhub.platform.Countries;
import org.solidarityhub.platform.Markdown;
import org.solidarityhub.platform.PlatformProperties;
import org.solidarityhub.platform.ShareCards;
import org.solidarityhub.platform.SupportedLanguages;
import org.solidarityhub.submissions.Problem;
import org.solidarityhub.submissions.Problems;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The public side of the appeal: its page with the sign forms, the signatories, counts by country, revisions.
 * The pages behind the emailed links are {@link SignatureLinkController}.
 */
@Controller
class AppealController {

    /** What the layout puts into Open Graph tags. */
    record OpenGraph(String title, String description, String url) {
    }

    private final Appeals appeals;
    private final Signing signing;
    private final SignatureCounts counts;
    private final Signatories signatories;
    private final Countries countries;
    private final Markdown markdown;
    private final MessageSource messages;
    private final PlatformProperties platform;
    private final AppealProperties properties;
    private final Partners partners;
    private final ShareCards shareCards;

    AppealController(Appeals appeals, Signing signing, SignatureCounts counts, Signatories signatories, Countries countries,
                     Markdown markdown, MessageSource messages, PlatformProperties platform, AppealProperties properties,
                     Partners partners, ShareCards shareCards) {
        this.partners = partners;
        this.shareCards = shareCards;
        this.appeals = appeals;
        this.signing = signing;
        this.counts = counts;
        this.signatories = signatories;
        this.countries = countries;
        this.markdown = markdown;
        this.messages = messages;
        this.platform = platform;
        this.properties = properties;
    }

    @GetMapping("/appeal")
    String current() {
        return "redirect:/appeals/" + appeals.current().orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)).slug();
    }

    @GetMapping("/appeals/{slug}")
    String show(@PathVariable String slug, Locale locale, Model model) {
        Appeal appeal = appeal(slug);
        page(appeal, locale, model, SignForm.empty("INDIVIDUAL"), SignForm.empty("ORGANIZATION"), Map.of());
        return "appeal/show";
    }

    @PostMapping("/appeals/{slug}/sign")
    String sign(@PathVariable String slug, SignForm form, Locale locale, HttpServletRequest request,
                HttpServletResponse response, Model model) {
        Appeal appeal = appeal(slug);
        if (!appeal.isOpen()) {
            response.setStatus(HttpStatus.CONFLICT.value());
            page(appeal, locale, model, SignForm.empty("INDIVIDUAL"), SignForm.empty("ORGANIZATION"), Map.of());
            return "appeal/show";
        }
        if (form.filledHoneypot()) {
            return "redirect:/appeals/" + slug + "/signed"; // a bot: looks like success, stores nothing
        }
        SignRequest signRequest = form.toRequest();
        Problems problems = signRequest.problems(countries);
        if (!problems.isEmpty()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            boolean organization = signRequest.kind() == SignRequest.Kind.ORGANIZATION;
            page(appeal, locale, model, organization ? SignForm.empty("INDIVIDUAL") : form,
                    organization ? form : SignForm.empty("ORGANIZATION"), problems.all());
            model.addAttribute("failedForm", organization ? "organization" : "individual");
            return "appeal/show";
        }
        Appeal.Revision revision = appeals.seen(appeal, form.revision(), locale);
        signing.sign(appeal, revision, signRequest, request.getRemoteAddr(), locale);
        return "redirect:/appeals/" + slug + "/signed";
    }

    @GetMapping("/appeals/{slug}/signed")
    String signed(@PathVariable String slug, Locale locale, Model model) {
        Appeal appeal = appeal(slug);
        model.addAttribute("appeal", appeal);
        model.addAttribute("revision", appeals.currentFor(appeal, locale));
        model.addAttribute("validityDays", properties.confirmationValidity().toDays());
        model.addAttribute("shareUrl", shareUrl(platform, appeal));
        return "appeal/signed";
    }

    @GetMapping("/appeals/{slug}/signatories")
    String signatories(@PathVariable String slug, @RequestParam(defaultValue = "") String country,
                       @RequestParam(defaultValue = "0") int page, Locale locale, Model model) {
        Appeal appeal = appeal(slug);
        String filter = country.isBlank() ? "" : countries.normalize(country).orElse("--");
        int safePage = Math.max(0, Math.min(page, 1_000_000));
        model.addAttribute("appeal", appeal);
        model.addAttribute("revision", appeals.currentFor(appeal, locale));
        model.addAttribute("signers", signatories.page(appeal.id(), filter, properties.pageSize(), safePage * properties.pageSize()));
        long total = signatories.total(appeal.id(), filter);
        model.addAttribute("total", total);
        model.addAttribute("page", safePage);
        model.addAttribute("hasMore", (long) (safePage + 1) * properties.pageSize() < total);
        model.addAttribute("country", filter.equals("--") ? "" : filter);
        model.addAttribute("countryOptions", countries.options(locale));
        model.addAttribute("countryNames", new CountryNames(countries, locale));
        return "appeal/signatories";
    }

    @GetMapping("/appeals/{slug}/countries")
    String byCountry(@PathVariable String slug, Locale locale, Model model) {
        Appeal appeal = appeal(slug);
        PublicCounts current = counts.publicOf(appeal.id());
        model.addAttribute("appeal", appeal);
        model.addAttribute("revision", appeals.currentFor(appeal, locale));
        model.addAttribute("counts", current);
        model.addAttribute("countTexts", new CountTexts(messages, locale));
        // the most signatures first; the small countries, shown only as "fewer than", last by name
        model.addAttribute("rows", current.byCountry().entrySet().stream()
                .map(e -> new CountryRow(e.getKey(), countries.name(e.getKey(), locale), e.getValue()))
                .sorted(Comparator.comparingLong((CountryRow r) -> r.total().shown()).reversed().thenComparing(CountryRow::name))
                .toList());
        return "appeal/countries";
    }

    record CountryRow(String code, String name, PublicCounts.Count total) {
    }

    /** Country names for templates: {@code ${countryNames.of('BE')}}. */
    record CountryNames(Countries countries, Locale locale) {
        public String of(String code) {
            return countries.name(code, locale);
        }
    }

    /** Public counts as text for templates: {@code ${countTexts.of(counts.total)}} is "1,234" or "fewer than 5". */
    record CountTexts(MessageSource messages, Locale locale) {
        public String of(PublicCounts.Count count) {
            return count.fewer() ? messages.getMessage("appeal.count.fewerThan", new Object[]{count.value()}, locale)
                    : number(count.value());
        }

        /** A number as the reader writes it: "10,000" or "10 000". */
        public String number(long value) {
            return java.text.NumberFormat.getIntegerInstance(locale).format(value);
        }
    }

    @GetMapping("/appeals/{slug}/revisions")
    String revisions(@PathVariable String slug, @RequestParam(required = false) String language, Locale locale, Model model) {
        Appeal appeal = appeal(slug);
        List<String> languages = appeals.languages(appeal);
        String chosen = language != null && languages.contains(language) ? language
                : languages.contains(locale.getLanguage()) ? locale.getLanguage() : appeal.defaultLanguage();
        model.addAttribute("appeal", appeal);
        model.addAttribute("revision", appeals.currentFor(appeal, locale));
        model.addAttribute("textLanguages", languages.stream().map(l -> new LanguageName(l, displayName(l))).toList());
        model.addAttribute("language", chosen);
        model.addAttribute("revisions", appeals.revisions(appeal.id(), chosen));
        return "appeal/revisions";
    }

    @GetMapping("/appeals/{slug}/revisions/{id}")
    String revision(@PathVariable String slug, @PathVariable long id, Locale locale, Model model) {
        Appeal appeal = appeal(slug);
        Appeal.Revision shown = appeals.revision(id).filter(r -> r.appealId() == appeal.id())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        List<Appeal.Revision> all = appeals.revisions(appeal.id(), shown.language());
        Appeal.Revision previous = all.stream().filter(r -> r.number() == shown.number() - 1).findFirst().orElse(null);
        model.addAttribute("appeal", appeal);
        model.addAttribute("revision", appeals.currentFor(appeal, locale));
        model.addAttribute("shown", shown);
        model.addAttribute("previous", previous);
        model.addAttribute("diff", RevisionDiff.between(previous, shown));
        model.addAttribute("bodyHtml", markdown.toHtml(shown.body()));
        return "appeal/revision";
    }

    record LanguageName(String code, String name) {
    }

    private void page(Appeal appeal, Locale locale, Model model, SignForm individual, SignForm organization,
                      Map<String, Problem> errors) {
        Appeal.Revision revision = appeals.currentFor(appeal, locale);
        PublicCounts current = counts.publicOf(appeal.id());
        model.addAttribute("appeal", appeal);
        model.addAttribute("revision", revision);
        model.addAttribute("bodyHtml", markdown.toHtml(revision.body()));
        model.addAttribute("counts", current);
        model.addAttribute("countTexts", new CountTexts(messages, locale));
        model.addAttribute("goal", AppealGoal.of(current.total().shown(), appeal.goal(), properties.goalSteps()));
        model.addAttribute("summary", AppealSummary.of(revision.body(), markdown, properties.summaryLength()));
        model.addAttribute("latest", signatories.latest(appeal.id()));
        model.addAttribute("partners", partners.shown(appeal.id())); // for appeal/partners.html
        model.addAttribute("organizationWall", signatories.organizations(appeal.id(), properties.organizationWall()));
        model.addAttribute("countryCount", current.byCountry().size());
        model.addAttribute("shareUrl", shareUrl(platform, appeal));
        model.addAttribute("countryNames", new CountryNames(countries, locale));
        model.addAttribute("countryOptions", countries.options(locale));
        model.addAttribute("individual", individual);
        model.addAttribute("organization", organization);
        model.addAttribute("errors", errors);
        model.addAttribute("textLanguages", appeals.languages(appeal).stream().map(l -> new LanguageName(l, displayName(l))).toList());
        model.addAttribute("og", new OpenGraph(revision.title(),
                messages.getMessage("appeal.og.description", new Object[]{new CountTexts(messages, locale).of(current.total()), current.total().value()}, locale),
                platform.link(locale, "/appeals/" + appeal.slug())));
        shareCards.addTags(model, locale, "/appeals/" + appeal.slug(), revision.title());
    }

    /** The appeal's public address to share: without a language, so that each reader gets the page in theirs. */
    static String shareUrl(PlatformProperties platform, Appeal appeal) {
        return platform.link("/appeals/" + appeal.slug());
    }

    private static String displayName(String language) {
        return SupportedLanguages.nativeName(Locale.forLanguageTag(language));
    }

    private Appeal appeal(String slug) {
        return appeals.bySlug(slug).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
