package org.solidarityhub.appeal;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.solidarityhub.platform.ApiErrors;
import org.solidarityhub.platform.ApiProblem;
import org.solidarityhub.platform.Countries;
import org.solidarityhub.platform.PlatformProperties;
import org.solidarityhub.submissions.Problems;
import org.springframework.context.MessageSource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
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
 * The appeal's public JSON API (documented in /api/openapi.yaml). Reads are cacheable for one count interval
 * (a front cache can absorb a storm of readers); signing answers 202 once the signature is stored.
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

    private final Appeals appeals;
    private final Signing signing;
    private final SignatureCounts counts;
    private final Signatories signatories;
    private final Countries countries;
    private final ApiErrors errors;
    private final MessageSource messages;
    private final PlatformProperties platform;
    private final AppealProperties properties;

    AppealApiController(Appeals appeals, Signing signing, SignatureCounts counts, Signatories signatories, Countries countries,
                        ApiErrors errors, MessageSource messages, PlatformProperties platform, AppealProperties properties) {
        this.appeals = appeals;
        this.signing = signing;
        this.counts = counts;
        this.signatories = signatories;
        this.countries = countries;
        this.errors = errors;
        this.messages = messages;
        this.platform = platform;
        this.properties = properties;
    }

    @GetMapping
    ResponseEntity<List<Map<String, Object>>> list(Locale locale) {
        return cached(appeals.open().stream().map(a -> summary(a, appeals.currentFor(a, locale))).toList());
    }

    @GetMapping("/{slug}")
    ResponseEntity<?> show(@PathVariable String slug, @RequestParam(required = false) String language, Locale locale) {
        var appeal = appeals.bySlug(slug);
        if (appeal.isEmpty()) {
            return errors.error(HttpStatus.NOT_FOUND, "error.404.text", locale);
        }
        List<String> languages = appeals.languages(appeal.get());
        if (language != null && !languages.contains(language)) {
            return errors.fieldErrors(Map.of("language", "appeal.error.language"), locale);
        }
        Appeal.Revision revision = language != null ? appeals.current(appeal.get().id(), language).orElseThrow()
                : appeals.currentFor(appeal.get(), locale);
        Map<String, Object> body = summary(appeal.get(), revision);
        body.put("languages", languages);
        body.put("revision", revision.number());
        return cached(body);
    }

    @GetMapping("/{slug}/signatories")
    ResponseEntity<?> signatories(@PathVariable String slug, @RequestParam(defaultValue = "0") int page,
                                  @RequestParam(defaultValue = "") String country, Locale locale) {
        var appeal = appeals.bySlug(slug);
        if (appeal.isEmpty()) {
            return errors.error(HttpStatus.NOT_FOUND, "error.404.text", locale);
        }
        if (page < 0 || page > 1_000_000) {
            return errors.fieldErrors(Map.of("page", "error.reason.parameter"), locale);
        }
        String filter = "";
        if (!country.isBlank()) {
            var known = countries.normalize(country);
            if (known.isEmpty()) {
                return errors.fieldErrors(Map.of("country", "appeal.error.country"), locale);
            }
            filter = known.get();
        }
        long id = appeal.get().id();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("page", page);
        body.put("pageSize", properties.pageSize());
        body.put("total", signatories.total(id, filter));
        body.put("items", signatories.page(id, filter, properties.pageSize(), page * properties.pageSize()).stream().map(s -> {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("kind", s.kind());
            item.put("name", s.name());
            if (s.city() != null) {
                item.put("city", s.city());
            }
            item.put("country", s.country());
            if (s.website() != null) {
                item.put("website", s.website());
            }
            if (s.comment() != null) {
                item.put("comment", s.comment());
            }
            return item;
        }).toList());
        return cached(body);
    }

    @PostMapping(path = "/{slug}/signatures", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> sign(@PathVariable String slug, @RequestBody SignatureBody body, Locale locale, HttpServletRequest request) {
        var found = appeals.bySlug(slug);
        if (found.isEmpty()) {
            return errors.error(HttpStatus.NOT_FOUND, "error.404.text", locale);
        }
        Appeal appeal = found.get();
        if (!appeal.isOpen()) {
            return errors.error(HttpStatus.CONFLICT, "appeal.error.closed", locale);
        }
        List<String> languages = appeals.languages(appeal);
        if (body.language() != null && !languages.contains(body.language())) {
            return errors.fieldErrors(Map.of("language", "appeal.error.language"), locale);
        }
        SignRequest signRequest = toRequest(body);
        Problems problems = signRequest.problems(countries);
        Locale language = body.language() != null ? Locale.forLanguageTag(body.language()) : locale;
        if (!problems.isEmpty()) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST.value(), "error.reason.fields", problems.texts(messages, locale));
        }
        Appeal.Revision revision = appeals.currentFor(appeal, language);
        signing.sign(appeal, revision, signRequest, request.getRemoteAddr(), language);
        Map<String, Object> accepted = new LinkedHashMap<>();
        accepted.put("status", "PENDING");
        accepted.put("message", messages.getMessage("appeal.signed.text", new Object[]{properties.confirmationValidity().toDays()}, language));
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(accepted);
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

    private Map<String, Object> summary(Appeal appeal, Appeal.Revision revision) {
        SignatureCounts.Counts current = counts.of(appeal.id());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("slug", appeal.slug());
        body.put("title", revision.title());
        body.put("language", revision.language());
        body.put("state", appeal.state().name());
        body.put("goal", appeal.goal());
        body.put("url", platform.link("/appeals/" + appeal.slug()));
        body.put("counts", Map.of("total", current.total(), "individuals", current.individuals(),
                "organizations", current.organizations(), "byCountry", current.byCountry()));
        return body;
    }

    private <T> ResponseEntity<T> cached(T body) {
        long seconds = properties.countInterval().toSeconds();
        return ResponseEntity.ok()
                .cacheControl(CacheControl.maxAge(Duration.ofSeconds(seconds)).cachePublic()
                        .staleWhileRevalidate(Duration.ofSeconds(seconds * 2)))
                .header(HttpHeaders.VARY, "Accept-Language")
                .body(body);
    }
}
