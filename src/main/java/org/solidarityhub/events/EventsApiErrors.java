package org.solidarityhub.events;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.solidarityhub.platform.BadInputException;
import org.springframework.context.MessageSource;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.server.ResponseStatusException;

import tools.jackson.core.JacksonException;

/**
 * Errors of the events API as JSON: {"status", "title", "reason", "errors": {"field": "message"}}, localized
 * by Accept-Language. Malformed JSON, wrong types and unknown values are 400s, never 500s.
 */
@RestControllerAdvice(assignableTypes = {EventsApiController.class, EventFeedsController.class})
@Order(0)
class EventsApiErrors {

    private final MessageSource messages;

    EventsApiErrors(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(ApiProblem.class)
    ResponseEntity<Map<String, Object>> problem(ApiProblem problem, Locale locale) {
        return body(problem.status, problem.reasonKey, problem.errors, locale);
    }

    @ExceptionHandler(SubmissionLimits.TooManySubmissions.class)
    ResponseEntity<Map<String, Object>> tooMany(SubmissionLimits.TooManySubmissions e, Locale locale) {
        return body(429, e.reasonKey(), Map.of(), locale);
    }

    @ExceptionHandler(BadInputException.class)
    ResponseEntity<Map<String, Object>> badInput(BadInputException e, Locale locale) {
        return body(400, e.reasonKey(), Map.of(), locale);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException e, Locale locale) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (e.getCause() instanceof JacksonException jackson && !jackson.getPath().isEmpty()) {
            errors.put(path(jackson.getPath()), messages.getMessage("events.error.field", null, locale));
        }
        return body(400, "events.error.json", errors, locale);
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<Map<String, Object>> mediaType(HttpMediaTypeNotSupportedException e, Locale locale) {
        return body(415, "error.415.text", Map.of(), locale);
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<Map<String, Object>> method(HttpRequestMethodNotSupportedException e, Locale locale) {
        return body(405, "error.405.text", Map.of(), locale);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Map<String, Object>> mismatch(MethodArgumentTypeMismatchException e, Locale locale) {
        return body(400, "events.error.parameter", Map.of(e.getName(), messages.getMessage("events.error.parameter", null, locale)), locale);
    }

    @ExceptionHandler(ResponseStatusException.class)
    ResponseEntity<Map<String, Object>> status(ResponseStatusException e, Locale locale) {
        int status = e.getStatusCode().value();
        return body(status, "error." + status + ".text", Map.of(), locale);
    }

    private ResponseEntity<Map<String, Object>> body(int status, String reasonKey, Map<String, String> errors, Locale locale) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status);
        String titleKey = "error." + status + ".title";
        body.put("title", messages.getMessage(titleKey, null, messages.getMessage("error.400.title", null, locale), locale));
        body.put("reason", messages.getMessage(reasonKey, null, messages.getMessage("error.400.text", null, locale), locale));
        body.put("errors", errors);
        return ResponseEntity.status(HttpStatus.valueOf(status)).contentType(MediaType.APPLICATION_JSON).body(body);
    }

    private static String path(List<JacksonException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : references) {
            if (reference.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }
}
