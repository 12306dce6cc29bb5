package org.solidarityhub.appeal;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.solidarityhub.platform.StaffActor;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Staff pages of appeals and their texts: the list, an appeal's page, and what editors change (new appeals,
 * revisions of a text, state and goal) through {@link AppealEditing}. Moderation has its own pages
 * ({@link SignatureModerationController}).
 */
@Controller
@RequestMapping("/staff/appeals")
class StaffAppealController {

    /** One row of the list. */
    record Listed(Appeal appeal, SignatureCounts.Counts counts, String title) {
    }

    private final Appeals appeals;
    private final SignatureCounts counts;
    private final AppealEditing editing;
    private final SignatureModeration moderation;

    StaffAppealController(Appeals appeals, SignatureCounts counts, AppealEditing editing, SignatureModeration moderation) {
        this.appeals = appeals;
        this.counts = counts;
        this.editing = editing;
        this.moderation = moderation;
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('EDITOR', 'MODERATOR')")
    String list(Model model) {
        model.addAttribute("appeals", appeals.all().stream().map(a -> new Listed(a, counts.of(a.id()), appeals.title(a))).toList());
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", AppealEditing.NewAppeal.empty());
        }
        model.addAttribute("textLanguages", editing.textLanguages(LocaleContextHolder.getLocale()));
        return "appeal/staff/list";
    }

    @PostMapping
    @PreAuthorize("hasRole('EDITOR')")
    String create(AppealEditing.NewAppeal form, @AuthenticationPrincipal StaffActor me, HttpServletResponse response,
                  Model model) {
        Optional<String> problem = editing.problem(form);
        if (problem.isPresent()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("form", form);
            model.addAttribute("error", problem.get());
            return list(model);
        }
        return "redirect:/staff/appeals/" + editing.create(form, me.displayName()).id();
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAnyRole('EDITOR', 'MODERATOR')")
    String show(@PathVariable long id, @RequestParam(required = false) @Nullable String language, Model model) {
        Appeal appeal = appeal(id);
        String edited = AppealEditing.isLanguageCode(language) ? language : appeal.defaultLanguage();
        Appeal.Revision current = appeals.current(id, edited).orElse(null);
        model.addAttribute("appeal", appeal);
        model.addAttribute("counts", counts.of(id));
        model.addAttribute("title", appeals.title(appeal));
        model.addAttribute("textLanguages", editing.textLanguages(LocaleContextHolder.getLocale()));
        model.addAttribute("existingLanguages", appeals.languages(appeal));
        model.addAttribute("edited", edited);
        if (!model.containsAttribute("text")) {
            model.addAttribute("text", current == null ? new AppealEditing.TextEdit(edited, "", "", "")
                    : new AppealEditing.TextEdit(edited, current.title(), current.body(), ""));
        }
        model.addAttribute("current", current);
        SignatureModeration.Waiting waiting = moderation.waiting(id);
        model.addAttribute("reviewCounts", List.of(
                Map.entry("appeal.waiting.organizations", waiting.organizations().size()),
                Map.entry("appeal.waiting.comments", waiting.comments().size()),
                Map.entry("appeal.waiting.flagged", waiting.flagged().size())));
        return "appeal/staff/show";
    }

    @PostMapping("/{id}/texts")
    @PreAuthorize("hasRole('EDITOR')")
    String revise(@PathVariable long id, AppealEditing.TextEdit form, @AuthenticationPrincipal StaffActor me,
                  HttpServletResponse response, Model model) {
        Appeal appeal = appeal(id);
        Optional<String> problem = editing.problem(form);
        if (problem.isPresent()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("text", form);
            model.addAttribute("error", problem.get());
            return show(id, AppealEditing.isLanguageCode(form.language()) ? form.language().strip() : null, model);
        }
        editing.revise(appeal, form, me.displayName());
        return "redirect:/staff/appeals/" + id + "?language=" + form.language().strip();
    }

    @PostMapping("/{id}/settings")
    @PreAuthorize("hasRole('EDITOR')")
    String settings(@PathVariable long id, AppealEditing.Settings form, RedirectAttributes redirect) {
        Optional<String> problem = editing.change(appeal(id), form);
        redirect.addFlashAttribute(problem.isPresent() ? "error" : "notice", problem.orElse("appeal.staff.saved"));
        return "redirect:/staff/appeals/" + id;
    }


    private Appeal appeal(long id) {
        return appeals.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
