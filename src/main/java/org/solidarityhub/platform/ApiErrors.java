package org.solidarityhub.platform;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.transaction.TransactionException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.server.ResponseStatusException;

import tools.jackson.core.JacksonException;

/**
 * JSON errors for every REST controller, in the shape the OpenAPI file documents:
 * {@code {"status":400,"title":"…","reason":"…","errors":{"field":"…"}}}, localized by Accept-Language.
 * Malformed JSON, wrong types and unknown media types are 4xx, never 500; a body of the wrong shape names the
 * field at fault when it can.
 */
@RestControllerAdvice(annotations = RestController.class)
public class ApiErrors {

    private final MessageSource messages;

    ApiErrors(MessageSource messages) {
        this.messages = messages;
    }

    /** A 400 with one message per field; {@code fieldKeys} maps field names to message keys. */
    public ResponseEntity<Map<String, Object>> fieldErrors(Map<String, String> fieldKeys, Locale locale) {
        Map<String, String> errors = new LinkedHashMap<>();
        fieldKeys.forEach((field, key) -> errors.put(field, messages.getMessage(key, null, key, locale)));
        return error(HttpStatus.BAD_REQUEST, "error.reason.fields", errors, locale);
    }

    /** An error of any status, with a reason given as a message key. */
    public ResponseEntity<Map<String, Object>> error(HttpStatusCode status, String reasonKey, Locale locale) {
        return error(status, reasonKey, Map.of(), locale);
    }

    private ResponseEntity<Map<String, Object>> error(HttpStatusCode status, String reasonKey, Map<String, String> errors,
                                                      Locale locale) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(body(status, reasonKey, errors, locale));
    }

    @ExceptionHandler(ApiProblem.class)
    ResponseEntity<Map<String, Object>> problem(ApiProblem problem, Locale locale) {
        return error(HttpStatusCode.valueOf(problem.status()), problem.reasonKey(), problem.errors(), locale);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException e, Locale locale) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (e.getCause() instanceof JacksonException jackson && !jackson.getPath().isEmpty()) {
            errors.put(path(jackson.getPath()), messages.getMessage("error.field.type", null, locale));
        }
        return error(HttpStatus.BAD_REQUEST, "error.reason.json", errors, locale);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Map<String, Object>> mismatch(MethodArgumentTypeMismatchException e, Locale locale) {
        return error(HttpStatus.BAD_REQUEST, "error.reason.parameter",
                Map.of(e.getName(), messages.getMessage("error.field.type", null, locale)), locale);
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<Map<String, Object>> missing(MissingServletRequestParameterException e, Locale locale) {
        return error(HttpStatus.BAD_REQUEST, "error.reason.parameter",
                Map.of(e.getParameterName(), messages.getMessage("error.field.missing", null, locale)), locale);
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<Map<String, Object>> mediaType(HttpMediaTypeNotSupportedException e, Locale locale) {
        return error(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "error.415.text", locale);
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<Map<String, Object>> method(HttpRequestMethodNotSupportedException e, Locale locale) {
        return error(HttpStatus.METHOD_NOT_ALLOWED, "error.405.text", locale);
    }

    /** 400, or the status the exception's class declares (404 for an expired link, 429 for too many requests). */
    @ExceptionHandler(BadInputException.class)
    ResponseEntity<Map<String, Object>> badInput(BadInputException e, Locale locale) {
        ResponseStatus declared = AnnotatedElementUtils.findMergedAnnotation(e.getClass(), ResponseStatus.class);
        return error(declared == null ? HttpStatus.BAD_REQUEST : declared.code(), e.reasonKey(), locale);
    }

    @ExceptionHandler(GroupCommit.Busy.class)
    ResponseEntity<Map<String, Object>> busy(GroupCommit.Busy e, Locale locale) {
        return unavailable("30", locale);
    }

    /** 503 while the database is unreachable (see {@link DatabaseOutage}); any other data failure stays a 500. */
    @ExceptionHandler({DataAccessException.class, TransactionException.class})
    ResponseEntity<Map<String, Object>> database(RuntimeException e, Locale locale) {
        if (!DatabaseOutage.causedBy(e)) {
            throw e;
        }
        DatabaseOutage.noted(e);
        return unavailable(DatabaseOutage.RETRY_AFTER, locale);
    }

    private ResponseEntity<Map<String, Object>> unavailable(String retryAfterSeconds, Locale locale) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, retryAfterSeconds)
                .contentType(MediaType.APPLICATION_JSON).body(body(HttpStatus.SERVICE_UNAVAILABLE, "error.503.text", Map.of(), locale));
    }

    @ExceptionHandler(ResponseStatusException.class)
    ResponseEntity<Map<String, Object>> status(ResponseStatusException e, Locale locale) {
        int code = e.getStatusCode().value();
        return error(e.getStatusCode(), "error." + (code == 404 || code == 409 || code == 429 ? code : e.getStatusCode().is4xxClientError() ? 400 : 500) + ".text", locale);
    }

    private Map<String, Object> body(HttpStatusCode status, String reasonKey, Map<String, String> errors, Locale locale) {
        int code = status.value();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", code);
        String titleKey = "error." + code + ".title";
        body.put("title", messages.getMessage(titleKey, null, messages.getMessage(code >= 500 ? "error.500.title" : "error.400.title", null, locale), locale));
        body.put("reason", messages.getMessage(reasonKey, null, reasonKey, locale));
        body.put("errors", errors);
        return body;
    }

    /** The field a body of the wrong shape failed at, as {@code location.lat} or {@code languages[1]}. */
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
