package org.solidarityhub.appeal;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.solidarityhub.platform.ApiProblem;
import org.solidarityhub.platform.Countries;
import org.solidarityhub.platform.PlatformProperties;
import org.solidarityhub.submissions.Problems;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The appeal's public JSON API (documented in /api/openapi.yaml). Reads are kept and given their lifetime by the
 * platform's page cache ({@link AppealPages}); signing answers 202 once the signature is stored.
 */
@RestController
@RequestMapping(path = "/api/v1/appeals", produces = MediaType.APPLICATION_JSON_VALUE)
class AppealApiController {

    /** The body of POST .../signatures; both kinds share it (see the OpenAPI file). */
    record SignatureBody(String kind, String name, String email, String country, String city, String display,
                         String comment, Boolean updates, String language, OrganizationBody organization, String contactName) {
    }

    record OrganizationBody(String name, String country, String website) {
    }

    /**
     * An appeal with its counts; {@code languages}, {@code revision} and {@code partners} only when one appeal is asked
     * for.
     */
    record ApiAppeal(String slug, String title, String language, String state, Integer goal, String url, ApiCounts counts,
                     @JsonInclude(JsonInclude.Include.NON_NULL) List<String> languages,
                     @JsonInclude(JsonInclude.Include.NON_NULL) Integer revision,
                     @JsonInclude(JsonInclude.Include.NON_NULL) List<ApiPartner> partners) {
    }

    /** A partner that agreed to be shown, with the signatures it brought ({@link Partners#shown}). */
    record ApiPartner(String name, @JsonInclude(JsonInclude.Include.NON_NULL) String website, PublicCounts.Count signatures) {
    }

    record ApiCounts(PublicCounts.Count total, PublicCounts.Count individuals, PublicCounts.Count organizations,
                     Map<String, PublicCounts.Count> byCountry) {
    }

    /** One signatory as the public list shows it; what the signer did not give is left out. */
    record ApiSignatory(String kind, String name, @JsonInclude(JsonInclude.Include.NON_NULL) String city, String country,
                        @JsonInclude(JsonInclude.Include.NON_NULL) String website,
                        @JsonInclude(JsonInclude.Include.NON_NULL) String comment) {
    }

    record ApiSignatories(int page, int pageSize, long total, List<ApiSignatory> items) {
    }

    record Pending(String status, String message) {
    }

    private final Appeals appeals;
    private final Signing signing;
    private final SignatureCounts counts;
    private final Signatories signatories;
    private final Countries countries;
    private final MessageSource messages;
    private final PlatformProperties platform;
    private final AppealProperties properties;
    private final Partners partners;

    AppealApiController(Appeals appeals, Signing signing, SignatureCounts counts, Signatories signatories, Countries countries,
                        MessageSource messages, PlatformProperties platform, AppealProperties properties, Partners partners) {
        this.partners = partners;
        this.appeals = appeals;
        this.signing = signing;
        this.counts = counts;
        this.signatories = signatories;
        this.countries = countries;
        this.messages = messages;
        this.platform = platform;
        this.properties = properties;
    }

    @GetMapping
    ResponseEntity<List<ApiAppeal>> list(Locale locale) {
        return cached(appeals.open().stream().map(a -> summary(a, appeals.currentFor(a, locale), null, locale)).toList());
    }

    @GetMapping("/{slug}")
    ResponseEntity<ApiAppeal> show(@PathVariable String slug, @RequestParam(required = false) String language, Locale locale) {
        Appeal appeal = appeal(slug);
        List<String> languages = appeals.languages(appeal);
        if (language != null && !languages.contains(language)) {
            throw ApiProblem.fields("error.reason.fields", Map.of("language", "appeal.error.language"));
        }
        Appeal.Revision revision = language != null ? appeals.current(appeal.id(), language).orElseThrow()
                : appeals.currentFor(appeal, locale);
        return cached(summary(appeal, revision, languages, locale));
    }

    @GetMapping("/{slug}/signatories")
    ResponseEntity<ApiSignatories> signatories(@PathVariable String slug, @RequestParam(defaultValue = "0") int page,
                                               @RequestParam(defaultValue = "") String country) {
        Appeal appeal = appeal(slug);
        if (page < 0 || page > 1_000_000) {
            throw ApiProblem.fields("error.reason.fields", Map.of("page", "error.reason.parameter"));
        }
        String filter = "";
        if (!country.isBlank()) {
            filter = countries.normalize(country).orElseThrow(
                    () -> ApiProblem.fields("error.reason.fields", Map.of("country", "appeal.error.country")));
        }
        int size = properties.pageSize();
        List<ApiSignatory> items = signatories.page(appeal.id(), filter, size, page * size).stream()
                .map(s -> new ApiSignatory(s.kind(), s.name(), s.city(), s.country(), s.website(), s.comment())).toList();
        return cached(new ApiSignatories(page, size, signatories.total(appeal.id(), filter), items));
    }

    @PostMapping(path = "/{slug}/signatures", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Pending> sign(@PathVariable String slug, @RequestBody SignatureBody body, Locale locale, HttpServletRequest request) {
        Appeal appeal = appeal(slug);
        if (!appeal.isOpen()) {
            throw ApiProblem.of(HttpStatus.CONFLICT, "appeal.error.closed");
        }
        List<String> languages = appeals.languages(appeal);
        if (body.language() != null && !languages.contains(body.language())) {
            throw ApiProblem.fields("error.reason.fields", Map.of("language", "appeal.error.language"));
        }
        SignRequest signRequest = toRequest(body);
        Problems problems = signRequest.problems(countries);
        Locale language = body.language() != null ? Locale.forLanguageTag(body.language()) : locale;
        if (!problems.isEmpty()) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "error.reason.fields", problems.all());
        }
        Appeal.Revision revision = appeals.currentFor(appeal, language);
        signing.sign(appeal, revision, signRequest, request.getRemoteAddr(), language);
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(new Pending("PENDING",
                messages.getMessage("appeal.signed.text", new Object[]{properties.confirmationValidity().toDays()}, language)));
    }

    private Appeal appeal(String slug) {
        return appeals.bySlug(slug).orElseThrow(() -> ApiProblem.of(HttpStatus.NOT_FOUND, "error.404.text"));
    }

    private static SignRequest toRequest(SignatureBody body) {
        SignRequest.Kind kind = SignForm.parse(SignRequest.Kind.class, body.kind());
        if (kind == SignRequest.Kind.ORGANIZATION) {
            OrganizationBody organization = body.organization() == null ? new OrganizationBody(null, null, null) : body.organization();
            return new SignRequest(kind, body.contactName(), body.email(), organization.country(), null,
                    SignRequest.Display.FULL_NAME, body.comment(), false, organization.name(), organization.website());
        }
        return new SignRequest(kind, body.name(), body.email(), body.country(), body.city(),
                SignForm.parse(SignRequest.Display.class, body.display()), body.comment(), Boolean.TRUE.equals(body.updates()),
                null, null);
    }

    private ApiAppeal summary(Appeal appeal, Appeal.Revision revision, List<String> languages, Locale locale) {
        PublicCounts current = counts.publicOf(appeal.id());
        return new ApiAppeal(appeal.slug(), revision.title(), revision.language(), appeal.state().name(), appeal.goal(),
                platform.link(locale, "/appeals/" + appeal.slug()),
                new ApiCounts(current.total(), current.individuals(), current.organizations(), current.byCountry()),
                languages, languages == null ? null : revision.number(),
                languages == null ? null : partners.shown(appeal.id()).stream()
                        .map(p -> new ApiPartner(p.name(), p.website(), p.count())).toList());
    }

    private static <T> ResponseEntity<T> cached(T body) {
        return ResponseEntity.ok().body(body);
    }
}
