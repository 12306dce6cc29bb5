package org.solidarityhub.appeal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletResponse;

import org.solidarityhub.platform.EmailAddresses;
import org.solidarityhub.platform.SupportedLanguages;
import org.solidarityhub.platform.AuditLog;
import org.solidarityhub.platform.StaffActor;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.server.ResponseStatusException;

/**
 * Staff pages of the appeal. Editors create appeals and write their texts (each save a new revision);
 * moderators verify organizations, moderate comments, release flagged signatures, search, invalidate and
 * export. Everything that changes something is audited.
 */
@Controller
@RequestMapping("/staff/appeals")
class StaffAppealController {

    record NewAppeal(String slug, String language, String title, String body, String goal) {
    }

    record TextEdit(String language, String title, String body, String note) {
    }

    record Settings(String state, String goal) {
    }

    static final Pattern SLUG = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,78}[a-z0-9])?");
    static final int TITLE_LIMIT = 200;
    static final int BODY_LIMIT = 50_000;

    private final Appeals appeals;
    private final SignatureCounts counts;
    private final SignatureModeration moderation;
    private final SupportedLanguages languages;
    private final AuditLog audit;
    private final TransactionTemplate transaction;

    StaffAppealController(Appeals appeals, SignatureCounts counts, SignatureModeration moderation, SupportedLanguages languages,
                          AuditLog audit, TransactionTemplate transaction) {
        this.appeals = appeals;
        this.counts = counts;
        this.moderation = moderation;
        this.languages = languages;
        this.audit = audit;
        this.transaction = transaction;
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('EDITOR', 'MODERATOR')")
    String list(Model model) {
        model.addAttribute("appeals", appeals.all().stream().map(a -> new Listed(a, counts.of(a.id()),
                appeals.currentFor(a, Locale.forLanguageTag(a.defaultLanguage())).title())).toList());
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new NewAppeal("", SupportedLanguages.BASE.getLanguage(), "", "", ""));
        }
        model.addAttribute("textLanguages", languageCodes());
        return "appeal/staff/list";
    }

    record Listed(Appeal appeal, SignatureCounts.Counts counts, String title) {
    }

    @PostMapping
    @PreAuthorize("hasRole('EDITOR')")
    String create(NewAppeal form, @AuthenticationPrincipal StaffActor me, HttpServletResponse response, Model model) {
        String slug = form.slug() == null ? "" : form.slug().strip();
        String problem = !SLUG.matcher(slug).matches() ? "appeal.staff.error.slug"
                : appeals.bySlug(slug).isPresent() ? "appeal.staff.error.slugTaken"
                : languages.byCode(form.language()).isEmpty() && !isLanguageCode(form.language()) ? "appeal.staff.error.language"
                : textProblem(form.title(), form.body());
        Goal goal = Goal.parse(form.goal());
        if (problem == null && !goal.valid()) {
            problem = "appeal.staff.error.goal";
        }
        if (problem != null) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("form", form);
            model.addAttribute("error", problem);
            return list(model);
        }
        Appeal appeal = transaction.execute(status -> {
            Appeal created = appeals.create(slug, form.language().strip(), goal.value(), form.title().strip(),
                    form.body().strip(), me.displayName());
            audit.record("appeal.created", "appeal", created.id(), slug);
            return created;
        });
        return "redirect:/staff/appeals/" + appeal.id();
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAnyRole('EDITOR', 'MODERATOR')")
    String show(@PathVariable long id, @RequestParam(required = false) String language, Model model) {
        Appeal appeal = appeal(id);
        String edited = language != null && isLanguageCode(language) ? language : appeal.defaultLanguage();
        Appeal.Revision current = appeals.current(id, edited).orElse(null);
        model.addAttribute("appeal", appeal);
        model.addAttribute("counts", counts.of(id));
        model.addAttribute("title", appeals.currentFor(appeal, Locale.forLanguageTag(appeal.defaultLanguage())).title());
        model.addAttribute("textLanguages", languageCodes());
        model.addAttribute("existingLanguages", appeals.languages(appeal));
        model.addAttribute("edited", edited);
        if (!model.containsAttribute("text")) {
            model.addAttribute("text", current == null ? new TextEdit(edited, "", "", "")
                    : new TextEdit(edited, current.title(), current.body(), ""));
        }
        model.addAttribute("current", current);
        model.addAttribute("toVerify", moderation.organizationsToVerify(id).size());
        model.addAttribute("toModerate", moderation.commentsToModerate(id).size());
        model.addAttribute("flagged", moderation.flagged(id).size());
        return "appeal/staff/show";
    }

    @PostMapping("/{id}/texts")
    @PreAuthorize("hasRole('EDITOR')")
    String revise(@PathVariable long id, TextEdit form, @AuthenticationPrincipal StaffActor me,
                  HttpServletResponse response, Model model) {
        Appeal appeal = appeal(id);
        String language = form.language() == null ? "" : form.language().strip();
        String problem = !isLanguageCode(language) ? "appeal.staff.error.language" : textProblem(form.title(), form.body());
        if (problem == null && form.note() != null && form.note().length() > 300) {
            problem = "appeal.staff.error.note";
        }
        if (problem != null) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("text", form);
            model.addAttribute("error", problem);
            return show(id, isLanguageCode(language) ? language : null, model);
        }
        transaction.executeWithoutResult(status -> {
            Appeal.Revision revision = appeals.revise(appeal.id(), language, form.title().strip(), form.body().strip(),
                    form.note() == null || form.note().isBlank() ? null : form.note().strip(), me.displayName());
            audit.record("appeal.revised", "appeal", appeal.id(), language + " #" + revision.number());
        });
        return "redirect:/staff/appeals/" + id + "?language=" + language;
    }

    @PostMapping("/{id}/settings")
    @PreAuthorize("hasRole('EDITOR')")
    String settings(@PathVariable long id, Settings form, RedirectAttributes redirect) {
        Appeal appeal = appeal(id);
        Appeal.State state = SignForm.parse(Appeal.State.class, form.state());
        Goal goal = Goal.parse(form.goal());
        if (state == null || !goal.valid()) {
            redirect.addFlashAttribute("error", state == null ? "appeal.staff.error.state" : "appeal.staff.error.goal");
            return "redirect:/staff/appeals/" + id;
        }
        transaction.executeWithoutResult(status -> {
            appeals.update(appeal.id(), state, goal.value());
            audit.record("appeal.settings-changed", "appeal", appeal.id(), "state=" + state + " goal=" + goal.value());
        });
        redirect.addFlashAttribute("notice", "appeal.staff.saved");
        return "redirect:/staff/appeals/" + id;
    }

    @GetMapping("/{id}/review")
    @PreAuthorize("hasRole('MODERATOR')")
    String review(@PathVariable long id, Model model) {
        Appeal appeal = appeal(id);
        model.addAttribute("appeal", appeal);
        model.addAttribute("title", appeals.currentFor(appeal, Locale.forLanguageTag(appeal.defaultLanguage())).title());
        model.addAttribute("organizations", moderation.organizationsToVerify(id));
        model.addAttribute("comments", moderation.commentsToModerate(id));
        model.addAttribute("flagged", moderation.flagged(id));
        return "appeal/staff/review";
    }

    @PostMapping("/{id}/signatures/{signature}/{action}")
    @PreAuthorize("hasRole('MODERATOR')")
    String decide(@PathVariable long id, @PathVariable long signature, @PathVariable String action, RedirectAttributes redirect) {
        appeal(id);
        boolean done = switch (action) {
            case "verify" -> moderation.verifyOrganization(id, signature);
            case "reject" -> moderation.rejectOrganization(id, signature);
            case "approve-comment" -> moderation.moderateComment(id, signature, true);
            case "reject-comment" -> moderation.moderateComment(id, signature, false);
            case "release" -> moderation.release(id, signature);
            default -> throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        };
        redirect.addFlashAttribute(done ? "notice" : "error", done ? "appeal.staff.done" : "appeal.staff.nothingToDo");
        return "redirect:/staff/appeals/" + id + "/review";
    }

    @GetMapping("/{id}/search")
    @PreAuthorize("hasRole('MODERATOR')")
    String search(@PathVariable long id, @RequestParam(defaultValue = "") String email, @RequestParam(defaultValue = "") String domain,
                  @RequestParam(defaultValue = "") String ip, HttpServletResponse response, Model model) {
        Appeal appeal = appeal(id);
        model.addAttribute("appeal", appeal);
        model.addAttribute("title", appeals.currentFor(appeal, Locale.forLanguageTag(appeal.defaultLanguage())).title());
        model.addAttribute("email", email);
        model.addAttribute("domain", domain);
        model.addAttribute("ip", ip);
        if (email.isBlank() && domain.isBlank() && ip.isBlank()) {
            model.addAttribute("results", List.of());
            return "appeal/staff/search";
        }
        String problem = null;
        IpAddresses.Range range = null;
        if (!email.isBlank() && !EmailAddresses.isValid(email)) {
            problem = "appeal.error.email";
        } else if (!domain.isBlank() && !domain.strip().matches("[A-Za-z0-9.-]{1,253}\\.[A-Za-z]{2,63}")) {
            problem = "appeal.staff.error.domain";
        } else if (!ip.isBlank()) {
            range = IpAddresses.range(ip).orElse(null);
            if (range == null) {
                problem = "appeal.staff.error.ip";
            }
        }
        if (problem != null) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("error", problem);
            model.addAttribute("results", List.of());
            return "appeal/staff/search";
        }
        model.addAttribute("results", moderation.search(id, email.isBlank() ? null : email.strip(),
                domain.isBlank() ? null : domain.strip(), range));
        model.addAttribute("searched", true);
        return "appeal/staff/search";
    }

    @PostMapping("/{id}/invalidate")
    @PreAuthorize("hasRole('MODERATOR')")
    String invalidate(@PathVariable long id, @RequestParam(name = "ids", required = false) List<Long> ids,
                      @RequestParam(defaultValue = "") String reason, RedirectAttributes redirect) {
        appeal(id);
        String why = reason.strip();
        if (ids == null || ids.isEmpty() || why.isEmpty() || why.length() > 300) {
            redirect.addFlashAttribute("error", ids == null || ids.isEmpty() ? "appeal.staff.error.noneSelected" : "appeal.staff.error.reason");
            return "redirect:/staff/appeals/" + id + "/search";
        }
        int changed = moderation.invalidate(id, new ArrayList<>(ids.subList(0, Math.min(ids.size(), SignatureModeration.SEARCH_LIMIT))), why);
        redirect.addFlashAttribute("notice", "appeal.staff.invalidated");
        redirect.addFlashAttribute("invalidatedCount", changed);
        return "redirect:/staff/appeals/" + id + "/search";
    }

    @GetMapping("/{id}/export.csv")
    @PreAuthorize("hasRole('MODERATOR')")
    ResponseEntity<byte[]> export(@PathVariable long id) {
        Appeal appeal = appeal(id);
        StringBuilder csv = new StringBuilder("\uFEFF"); // so spreadsheets read UTF-8
        csv.append(Csv.row(List.of("id", "kind", "name", "organization", "website", "country", "city", "display",
                "comment", "comment_status", "updates", "email_for_updates", "confirmed_at")));
        for (SignatureModeration.StaffView s : moderation.confirmed(id)) {
            csv.append(Csv.row(java.util.Arrays.asList(s.id(), s.kind(), s.name(), s.organizationName(), s.website(), s.country(),
                    s.city(), s.display(), s.comment(), s.commentStatus(), s.updates(), s.updates() ? s.email() : null, s.confirmedAt())));
        }
        transaction.executeWithoutResult(status -> audit.record("appeal.exported", "appeal", id, null));
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + appeal.slug() + "-signatures.csv\"")
                .body(csv.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static String textProblem(String title, String body) {
        if (title == null || title.isBlank() || title.strip().length() > TITLE_LIMIT) {
            return "appeal.staff.error.title";
        }
        if (body == null || body.isBlank() || body.length() > BODY_LIMIT) {
            return "appeal.staff.error.body";
        }
        return null;
    }

    /** A signature goal as typed: none (blank), a number from 1 to 100 million, or invalid. */
    record Goal(boolean valid, Integer value) {
        static Goal parse(String text) {
            if (text == null || text.isBlank()) {
                return new Goal(true, null);
            }
            try {
                int goal = Integer.parseInt(text.strip());
                return goal > 0 && goal <= 100_000_000 ? new Goal(true, goal) : new Goal(false, null);
            } catch (NumberFormatException e) {
                return new Goal(false, null);
            }
        }
    }

    /** Texts may be in any language, not only those of the interface. */
    private static boolean isLanguageCode(String code) {
        return code != null && code.strip().matches("[a-z]{2,3}");
    }

    private List<String> languageCodes() {
        List<String> codes = new ArrayList<>(languages.all().stream().map(Locale::getLanguage).toList());
        for (String extra : List.of("fr", "de", "nl", "pl", "ru", "es", "it")) {
            if (!codes.contains(extra)) {
                codes.add(extra);
            }
        }
        return codes;
    }

    private Appeal appeal(long id) {
        return appeals.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
