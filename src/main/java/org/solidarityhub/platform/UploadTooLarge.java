package org.solidarityhub.platform;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.ModelAndView;

/**
 * A multipart body over the upload limits ({@code spring.servlet.multipart.*}) is refused before it is read, with the
 * site's error page (413) in the reader's language, rendered here: the error dispatch of such a request would find
 * the same unreadable body again and answer with nothing.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class UploadTooLarge {

    private final MessageSource messages;

    UploadTooLarge(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ModelAndView tooLarge(HttpServletRequest request, Locale locale) {
        ModelAndView page = new ModelAndView("error/4xx");
        page.setStatus(HttpStatus.CONTENT_TOO_LARGE);
        page.addObject("status", 413);
        page.addObject("errorTitle", messages.getMessage(ErrorTexts.titleKey(413), null, locale));
        page.addObject("reason", messages.getMessage(ErrorTexts.reasonKey(413), null, locale));
        return page;
    }
}
