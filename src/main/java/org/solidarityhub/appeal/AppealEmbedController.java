package org.solidarityhub.appeal;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.solidarityhub.platform.Countries;
import org.solidarityhub.platform.PlatformProperties;
import org.solidarityhub.submissions.Problem;
import org.solidarityhub.submissions.Problems;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The appeal's widget for partner websites, shown in an iframe that any site may frame
 * ({@link AppealPages#appealEmbedFraming}): the title, the count with its bar and the individual sign form, which
 * works without scripts inside the frame and answers "check your email" there. It signs through the same checks,
 * honeypot, limits and confirmation mail as the appeal's page ({@link SignRequest}, {@link Signing}), and names the
 * partner of {@code ?partner=} on the new signature. A partner code that is unknown (or could not be one) is said
 * so, and the form still works, counting for no partner.
 * <pre>{@code <iframe src="https://hub.example/en/appeal/embed?appeal=global-week-of-action&partner=ecosocialist-scot">}</pre>
 */
@Controller
class AppealEmbedController {

    private final Appeals appeals;
    private final Partners partners;
    private final Signing signing;
    private final SignatureCounts counts;
    private final Countries countries;
    private final MessageSource messages;
    private final PlatformProperties platform;
    private final AppealProperties properties;

    AppealEmbedController(Appeals appeals, Partners partners, Signing signing, SignatureCounts counts, Countries countries,
                          MessageSource messages, PlatformProperties platform, AppealProperties properties) {
        this.appeals = appeals;
        this.partners = partners;
        this.signing = signing;
        this.counts = counts;
        this.countries = countries;
        this.messages = messages;
        this.platform = platform;
        this.properties = properties;
    }

    @GetMapping("/appeal/embed")
    String embed(@RequestParam(required = false) @Nullable String appeal, @RequestParam(required = false) @Nullable String partner,
                 Locale locale, HttpServletResponse response, Model model) {
        Optional<Appeal> shown = appeal(appeal);
        if (shown.isEmpty()) {
            return missing(response, model);
        }
        page(shown.get(), partner, locale, model, SignForm.empty("INDIVIDUAL"), Map.of());
        return "appeal/embed";
    }

    @PostMapping("/appeal/embed")
    String sign(@RequestParam(required = false) @Nullable String appeal, @RequestParam(required = false) @Nullable String partner,
                SignForm form, Locale locale, HttpServletRequest request, HttpServletResponse response, Model model) {
        Optional<Appeal> shown = appeal(appeal);
        if (shown.isEmpty()) {
            return missing(response, model);
        }
        Appeal signed = shown.get();
        // the widget signs individuals only, whatever a post says of its kind
        SignForm individual = new SignForm("INDIVIDUAL", form.name(), form.email(), form.country(), form.city(), form.display(),
                form.comment(), form.updates(), null, null, form.homepage(), form.revision());
        if (!signed.isOpen()) {
            response.setStatus(HttpStatus.CONFLICT.value());
            page(signed, partner, locale, model, individual, Map.of());
            return "appeal/embed";
        }
        Optional<Partner> named = partners.bySlug(partner);
        String done = signedPage(signed, named);
        if (individual.filledHoneypot()) {
            return done; // a bot: looks like success, stores nothing
        }
        SignRequest signRequest = individual.toRequest();
        Problems problems = signRequest.problems(countries);
        if (!problems.isEmpty()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            page(signed, partner, locale, model, individual, problems.all());
            return "appeal/embed";
        }
        signing.sign(signed, appeals.seen(signed, form.revision(), locale), signRequest, request.getRemoteAddr(), locale,
                named.map(Partner::id).orElse(null));
        return done;
    }

    @GetMapping("/appeal/embed/signed")
    String signed(@RequestParam(required = false) @Nullable String appeal, @RequestParam(required = false) @Nullable String partner,
                  Locale locale, HttpServletResponse response, Model model) {
        Optional<Appeal> shown = appeal(appeal);
        if (shown.isEmpty()) {
            return missing(response, model);
        }
        model.addAttribute("appeal", shown.get());
        model.addAttribute("revision", appeals.currentFor(shown.get(), locale));
        model.addAttribute("validityDays", properties.confirmationValidity().toDays());
        model.addAttribute("appealUrl", platform.link(locale, "/appeals/" + shown.get().slug()));
        model.addAttribute("formUrl", embedPath(shown.get(), partners.bySlug(partner)));
        return "appeal/embed-signed";
    }

    private Optional<Appeal> appeal(@Nullable String slug) {
        return slug == null || slug.isBlank() ? appeals.current() : appeals.bySlug(slug.strip());
    }

    private static String missing(HttpServletResponse response, Model model) {
        response.setStatus(HttpStatus.NOT_FOUND.value());
        model.addAttribute("missing", true);
        return "appeal/embed";
    }

    private void page(Appeal appeal, @Nullable String partner, Locale locale, Model model, SignForm form, Map<String, Problem> errors) {
        Optional<Partner> named = partners.bySlug(partner);
        PublicCounts current = counts.publicOf(appeal.id());
        model.addAttribute("appeal", appeal);
        model.addAttribute("revision", appeals.currentFor(appeal, locale));
        model.addAttribute("counts", current);
        model.addAttribute("countTexts", new AppealController.CountTexts(messages, locale));
        model.addAttribute("countryOptions", countries.options(locale));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("partner", named.orElse(null));
        model.addAttribute("unknownPartner", partner != null && !partner.isBlank() && named.isEmpty());
        model.addAttribute("appealUrl", platform.link(locale, "/appeals/" + appeal.slug()));
        model.addAttribute("validityDays", properties.confirmationValidity().toDays());
    }

    /** Where a signed form goes: the "check your email" page of the same widget. */
    private static String signedPage(Appeal appeal, Optional<Partner> partner) {
        return "redirect:" + embedPath(appeal, partner).replace("/appeal/embed?", "/appeal/embed/signed?");
    }

    /** The widget's own address (without the language prefix), for a partner or none. */
    static String embedPath(Appeal appeal, Optional<Partner> partner) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/appeal/embed").queryParam("appeal", appeal.slug());
        partner.ifPresent(p -> uri.queryParam("partner", p.slug()));
        return uri.build().toUriString();
    }
}
