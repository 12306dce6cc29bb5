package org.solidarityhub.news;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.solidarityhub.platform.BadInputException;
import org.solidarityhub.submissions.Guard;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The public news: the list (newest first, in pages, by tag and language), a post's page with its cards and
 * comments, the comment form and the commenter's confirmation. Works without JavaScript.
 */
@Controller
class NewsPagesController {

    private final PostStore store;
    private final PostViews views;
    private final Commenting commenting;
    private final NewsProperties properties;

    NewsPagesController(PostStore store, PostViews views, Commenting commenting, NewsProperties properties) {
        this.store = store;
        this.views = views;
        this.commenting = commenting;
        this.properties = properties;
    }

    @GetMapping("/news")
    String list(@RequestParam(required = false) @Nullable String tag, @RequestParam(required = false) @Nullable String language,
                @RequestParam(required = false) @Nullable String page, Locale locale, Model model) {
        NewsFilter filter = NewsFilter.parse(tag, language, page)
                .orElseThrow(() -> new BadInputException(NewsFilter.problemKey(tag, language, page)));
        int size = properties.pageSize();
        List<Post> posts = store.published(filter.tag(), filter.language(), (filter.page() - 1) * size, size);
        long total = store.publishedCount(filter.tag(), filter.language());
        model.addAttribute("posts", views.listed(posts, locale));
        model.addAttribute("filter", filter);
        model.addAttribute("page", filter.page());
        model.addAttribute("hasMore", (long) filter.page() * size < total);
        model.addAttribute("total", total);
        Map<String, String> query = new LinkedHashMap<>();
        query.put("tag", filter.tag() == null ? "" : filter.tag());
        query.put("language", filter.language() == null ? "" : filter.language());
        model.addAttribute("query", query);
        model.addAttribute("tags", store.publishedTags(30));
        model.addAttribute("textLanguages", views.publishedLanguages(locale));
        model.addAttribute("feeds", views.feeds(filter.tag() == null ? List.of() : List.of(filter.tag()), locale));
        return "news/list";
    }

    @GetMapping("/news/{slug}")
    String post(@PathVariable String slug, Locale locale, Model model) {
        views.addPostPage(published(slug), locale, false, model);
        return "news/post";
    }

    @PostMapping("/news/{slug}/comments")
    String comment(@PathVariable String slug, CommentForm form,
                   @RequestParam(name = Guard.HONEYPOT, required = false) @Nullable String honeypot,
                   HttpServletRequest request, HttpServletResponse response, Locale locale, Model model) {
        if (Guard.isBot(honeypot)) {
            return "redirect:/news/comments/sent";
        }
        commenting.check(request.getRemoteAddr());
        Post post = published(slug);
        Commenting.Outcome outcome = commenting.submit(post, form, locale, request.getRemoteAddr());
        if (outcome.commentId() == null) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("commentForm", form);
            model.addAttribute("problems", outcome.problems().all());
            views.addPostPage(post, locale, false, model);
            return "news/post";
        }
        return "redirect:/news/comments/sent";
    }

    @GetMapping("/news/comments/sent")
    String sent() {
        return "news/comment-sent";
    }

    @GetMapping("/news/comments/confirm/{token}")
    String confirmPage(@PathVariable String token, Model model) {
        Comment comment = commenting.byToken(token).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("post", store.find(comment.postId()).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
        model.addAttribute("token", token);
        return "news/comment-confirm";
    }

    @PostMapping("/news/comments/confirm/{token}")
    String confirm(@PathVariable String token) {
        commenting.confirm(token);
        return "redirect:/news/comments/confirmed";
    }

    @GetMapping("/news/comments/confirmed")
    String confirmed() {
        return "news/comment-confirmed";
    }

    private Post published(String slug) {
        return store.findBySlug(slug).filter(Post::published)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
