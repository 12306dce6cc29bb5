package org.solidarityhub.platform;

import java.util.List;
import java.util.Locale;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What the layout needs on every page: the language switch and the path it links back to. */
@ControllerAdvice
class LayoutAdvice {

    record Language(String code, String name, boolean current) {
    }

    private final SupportedLanguages languages;

    LayoutAdvice(SupportedLanguages languages) {
        this.languages = languages;
    }

    @ModelAttribute("languages")
    List<Language> languages(Locale current) {
        return languages.all().stream()
                .map(l -> new Language(l.getLanguage(), SupportedLanguages.nativeName(l), l.getLanguage().equals(current.getLanguage())))
                .toList();
    }

    /** The page's own path, for links that switch the language; on an error page, the path that failed. */
    @ModelAttribute("currentPath")
    String currentPath(HttpServletRequest request) {
        Object failed = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String path = failed instanceof String s ? s : request.getRequestURI();
        String context = request.getContextPath();
        if (!context.isEmpty() && path.startsWith(context)) {
            path = path.substring(context.length());
        }
        return path.isEmpty() || InputScreeningFilter.hasBadCharacter(path, false) ? "/" : path;
    }
}
