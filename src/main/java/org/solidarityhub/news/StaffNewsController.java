package org.solidarityhub.news;

import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.solidarityhub.platform.StaffActor;
import org.solidarityhub.submissions.Problem;
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
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The editors' pages of posts: the list with the new-post form, a post's page (texts per language, settings, images,
 * schedule, revisions) and its preview. Everything is done by {@link PostEditing} and {@link PostImages}.
 */
@Controller
@RequestMapping("/staff/news")
@PreAuthorize("hasRole('EDITOR')")
class StaffNewsController {

    /** A photo of the post on its staff page: its media id, state and preview thumbnail once processed. */
    record ImageRow(long id, String state, @Nullable String thumbnail) {
    }

    private final PostStore store;
    private final PostEditing editing;
    private final PostImages images;
    private final PostViews views;
    private final NewsProperties properties;

    StaffNewsController(PostStore store, PostEditing editing, PostImages images, PostViews views, NewsProperties properties) {
        this.store = store;
        this.editing = editing;
        this.images = images;
        this.views = views;
        this.properties = properties;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("posts", store.all(200));
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", PostForms.NewPost.empty("en"));
        }
        model.addAttribute("textLanguages", editing.textLanguages(LocaleContextHolder.getLocale()));
        return "news/staff/list";
    }

    @PostMapping
    String create(PostForms.NewPost form, @AuthenticationPrincipal StaffActor me, HttpServletResponse response, Model model) {
        Optional<Problem> problem = editing.problem(form);
        if (problem.isPresent()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("form", form);
            model.addAttribute("problem", problem.get());
            return list(model);
        }
        return "redirect:/staff/news/" + editing.create(form, me.displayName());
    }

    @GetMapping("/{id}")
    String show(@PathVariable long id, @RequestParam(required = false) @Nullable String language, Model model) {
        Post post = post(id);
        String edited = PostEditing.isLanguageCode(language) ? language.strip() : post.originalLanguage();
        model.addAttribute("post", post);
        model.addAttribute("edited", edited);
        model.addAttribute("textLanguages", editing.textLanguages(LocaleContextHolder.getLocale()));
        model.addAttribute("cardKinds", editing.cardKinds());
        if (!model.containsAttribute("text")) {
            Post.Text current = post.texts().get(edited);
            model.addAttribute("text", current == null ? new PostForms.TextEdit(edited, "", "", "")
                    : new PostForms.TextEdit(edited, current.title(), current.summary(), current.body()));
        }
        model.addAttribute("images", images.of(post).stream().map(i -> new ImageRow(i.id(), i.state().name(),
                i.ready() || i.published() ? i.previewUrl(org.solidarityhub.media.Variant.THUMBNAIL) : null)).toList());
        model.addAttribute("revisions", store.revisions(id));
        model.addAttribute("defaultZone", properties.defaultTimeZone().getId());
        model.addAttribute("zones", java.time.ZoneId.getAvailableZoneIds().stream().filter(z -> z.contains("/"))
                .filter(z -> !z.startsWith("Etc/") && !z.startsWith("SystemV/")).sorted().toList());
        return "news/staff/show";
    }

    @PostMapping("/{id}/texts")
    String saveText(@PathVariable long id, PostForms.TextEdit form, @AuthenticationPrincipal StaffActor me,
                    HttpServletResponse response, Model model) {
        Post post = post(id);
        Optional<Problem> problem = editing.problem(form);
        if (problem.isPresent()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("text", form);
            model.addAttribute("problem", problem.get());
            return show(id, PostEditing.isLanguageCode(form.language()) ? form.language() : null, model);
        }
        editing.saveText(post, form, me.displayName());
        return "redirect:/staff/news/" + id + "?language=" + form.language().strip();
    }

    @PostMapping("/{id}/texts/remove")
    String removeText(@PathVariable long id, @RequestParam(required = false) @Nullable String language, RedirectAttributes redirect) {
        return outcome(id, editing.removeText(post(id), language), "news.staff.textRemoved", redirect);
    }

    @PostMapping("/{id}/revisions/{revision}/restore")
    String restore(@PathVariable long id, @PathVariable int revision, @RequestParam(required = false) @Nullable String language,
                   @AuthenticationPrincipal StaffActor me, RedirectAttributes redirect) {
        return outcome(id, editing.restore(post(id), revision, language, me.displayName()), "news.staff.restored", redirect);
    }

    @PostMapping("/{id}/settings")
    String settings(@PathVariable long id, PostForms.Settings form, RedirectAttributes redirect) {
        return outcome(id, editing.changeSettings(post(id), form), "news.staff.saved", redirect);
    }

    @PostMapping("/{id}/schedule")
    String schedule(@PathVariable long id, PostForms.Schedule form, RedirectAttributes redirect) {
        return outcome(id, editing.schedule(post(id), form), "news.staff.scheduled", redirect);
    }

    @PostMapping("/{id}/publish")
    String publish(@PathVariable long id, RedirectAttributes redirect) {
        editing.publishNow(post(id));
        return outcome(id, Optional.empty(), "news.staff.published", redirect);
    }

    @PostMapping("/{id}/draft")
    String draft(@PathVariable long id, RedirectAttributes redirect) {
        editing.backToDraft(post(id));
        return outcome(id, Optional.empty(), "news.staff.drafted", redirect);
    }

    @PostMapping("/{id}/images")
    String addImage(@PathVariable long id, @RequestParam(required = false) @Nullable MultipartFile image,
                    @RequestParam(required = false) @Nullable String lead, RedirectAttributes redirect) {
        return outcome(id, images.add(post(id), image, lead != null).map(PostEditingProblems::of), "news.staff.imageAdded", redirect);
    }

    @PostMapping("/{id}/images/lead")
    String lead(@PathVariable long id, @RequestParam(required = false) @Nullable Long media, RedirectAttributes redirect) {
        return outcome(id, images.setLead(post(id), media).map(PostEditingProblems::of), "news.staff.saved", redirect);
    }

    @PostMapping("/{id}/images/{media}/remove")
    String removeImage(@PathVariable long id, @PathVariable long media, RedirectAttributes redirect) {
        return outcome(id, images.remove(post(id), media).map(PostEditingProblems::of), "news.staff.imageRemoved", redirect);
    }

    @GetMapping("/{id}/preview")
    @PreAuthorize("hasAnyRole('EDITOR', 'MODERATOR')")
    String preview(@PathVariable long id, @RequestParam(required = false) @Nullable String language, Model model) {
        Post post = post(id);
        views.addPostPage(post, java.util.Locale.forLanguageTag(PostEditing.isLanguageCode(language) ? language.strip()
                : post.originalLanguage()), true, model);
        return "news/post";
    }

    private String outcome(long id, Optional<Problem> problem, String notice, RedirectAttributes redirect) {
        if (problem.isPresent()) {
            redirect.addFlashAttribute("problem", problem.get());
        } else {
            redirect.addFlashAttribute("notice", notice);
        }
        return "redirect:/staff/news/" + id;
    }

    private Post post(long id) {
        return store.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    /** A problem without arguments (the media module's refusals, image choices). */
    private static final class PostEditingProblems {
        static Problem of(String key) {
            return new Problem(key, java.util.List.of());
        }
    }
}
