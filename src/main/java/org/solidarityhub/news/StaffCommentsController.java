package org.solidarityhub.news;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The moderators' page of comments that wait (linked from the shared queue): approve or reject each. */
@Controller
@RequestMapping("/staff/news/comments")
@PreAuthorize("hasRole('MODERATOR')")
class StaffCommentsController {

    /** A comment that waits, with the title of its post and its text as the page will show it. */
    record Waiting(Comment comment, String postTitle, String postSlug, long postId, String html) {
    }

    private final CommentStore comments;
    private final PostStore posts;
    private final CommentModeration moderation;

    StaffCommentsController(CommentStore comments, PostStore posts, CommentModeration moderation) {
        this.comments = comments;
        this.posts = posts;
        this.moderation = moderation;
    }

    @GetMapping
    String waiting(Model model) {
        model.addAttribute("waiting", withPosts(comments.waiting(200)));
        model.addAttribute("approved", withPosts(comments.recentlyApproved(50)));
        return "news/staff/comments";
    }

    private List<Waiting> withPosts(List<Comment> list) {
        Map<Long, Post> byId = list.stream().map(Comment::postId).distinct()
                .flatMap(id -> posts.find(id).stream()).collect(Collectors.toMap(Post::id, Function.identity()));
        return list.stream().filter(c -> byId.containsKey(c.postId()))
                .map(c -> new Waiting(c, byId.get(c.postId()).original().title(), byId.get(c.postId()).slug(), c.postId(),
                        CommentText.html(c.body())))
                .toList();
    }

    @PostMapping("/{id}/approve")
    String approve(@PathVariable long id, RedirectAttributes redirect) {
        return done(moderation.decide(id, true), "news.staff.comment.approved", redirect);
    }

    @PostMapping("/{id}/reject")
    String reject(@PathVariable long id, RedirectAttributes redirect) {
        return done(moderation.decide(id, false), "news.staff.comment.rejected", redirect);
    }

    @PostMapping("/{id}/hide")
    String hide(@PathVariable long id, RedirectAttributes redirect) {
        return done(moderation.hide(id), "news.staff.comment.hidden", redirect);
    }

    private static String done(boolean done, String notice, RedirectAttributes redirect) {
        redirect.addFlashAttribute(done ? "notice" : "error", done ? notice : "news.staff.comment.gone");
        return "redirect:/staff/news/comments";
    }
}
