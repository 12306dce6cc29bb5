package org.solidarityhub.appeal;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;

import org.solidarityhub.platform.PlatformProperties;
import org.solidarityhub.platform.SupportedLanguages;
import org.solidarityhub.submissions.Problem;
import org.solidarityhub.submissions.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.HtmlUtils;

/**
 * Staff pages of an appeal's partners ({@link Partners}): the list with what each brought (confirmed, of which
 * counted publicly, and pending), a new partner, and a partner's page with its form and the iframe code to send
 * them. Editors change partners; moderators see them.
 */
@Controller
@RequestMapping("/staff/appeals/{id}/partners")
class StaffPartnerController {

    /** The iframe code of the widget in one language, for a partner's page. */
    record Snippet(String language, String name, String url, String html) {
    }

    private final Appeals appeals;
    private final Partners partners;
    private final PlatformProperties platform;
    private final SupportedLanguages languages;

    StaffPartnerController(Appeals appeals, Partners partners, PlatformProperties platform, SupportedLanguages languages) {
        this.appeals = appeals;
        this.partners = partners;
        this.platform = platform;
        this.languages = languages;
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('EDITOR', 'MODERATOR')")
    String list(@PathVariable long id, Model model) {
        Appeal appeal = appeal(id);
        model.addAttribute("appeal", appeal);
        model.addAttribute("title", appeals.title(appeal));
        model.addAttribute("tallies", partners.tallies(id));
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", Partners.Form.empty());
            model.addAttribute("errors", Map.of());
        }
        return "appeal/staff/partners";
    }

    @PostMapping
    @PreAuthorize("hasRole('EDITOR')")
    String create(@PathVariable long id, Partners.Form form, HttpServletResponse response, Model model,
                  RedirectAttributes redirect) {
        appeal(id);
        Problems problems = partners.problems(form, null);
        if (!problems.isEmpty()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            refused(model, form, problems.all());
            return list(id, model);
        }
        Partner created = partners.create(form);
        redirect.addFlashAttribute("notice", "appeal.partner.created");
        return "redirect:/staff/appeals/" + id + "/partners/" + created.id();
    }

    @GetMapping("/{partnerId}")
    @PreAuthorize("hasAnyRole('EDITOR', 'MODERATOR')")
    String show(@PathVariable long id, @PathVariable long partnerId, Model model) {
        Appeal appeal = appeal(id);
        Partner partner = partner(partnerId);
        model.addAttribute("appeal", appeal);
        model.addAttribute("title", appeals.title(appeal));
        model.addAttribute("partner", partner);
        model.addAttribute("tally", partners.tally(id, partner));
        model.addAttribute("snippets", snippets(appeal, partner));
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", Partners.Form.of(partner));
            model.addAttribute("errors", Map.of());
        }
        return "appeal/staff/partner";
    }

    @PostMapping("/{partnerId}")
    @PreAuthorize("hasRole('EDITOR')")
    String update(@PathVariable long id, @PathVariable long partnerId, Partners.Form form, HttpServletResponse response,
                  Model model, RedirectAttributes redirect) {
        appeal(id);
        Partner partner = partner(partnerId);
        Problems problems = partners.problems(form, partner);
        if (!problems.isEmpty()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            refused(model, form, problems.all());
            return show(id, partnerId, model);
        }
        partners.update(partner, form);
        redirect.addFlashAttribute("notice", "appeal.staff.saved");
        return "redirect:/staff/appeals/" + id + "/partners/" + partnerId;
    }

    private static void refused(Model model, Partners.Form form, Map<String, Problem> errors) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("error", "appeal.sign.fix");
    }

    /** The iframe code in each language of the site: what the partner pastes into its page. */
    private List<Snippet> snippets(Appeal appeal, Partner partner) {
        String path = AppealEmbedController.embedPath(appeal, Optional.of(partner));
        return languages.all().stream().map(language -> {
            String url = platform.link(language, path);
            String title = appeals.currentFor(appeal, language).title();
            String html = "<iframe src=\"" + HtmlUtils.htmlEscape(url) + "\" title=\"" + HtmlUtils.htmlEscape(title) + "\""
                    + " width=\"100%\" height=\"860\" style=\"border:0;max-width:40rem\" loading=\"lazy\""
                    + " sandbox=\"allow-forms allow-same-origin allow-popups allow-popups-to-escape-sandbox\"></iframe>";
            return new Snippet(language.getLanguage(), SupportedLanguages.nativeName(language), url, html);
        }).toList();
    }

    private Appeal appeal(long id) {
        return appeals.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private Partner partner(long id) {
        return partners.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
