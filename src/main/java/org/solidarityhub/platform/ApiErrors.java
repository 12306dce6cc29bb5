package org.solidarityhub.platform;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.transaction.TransactionException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import tools.jackson.core.JacksonException;

/**
 * Every API error, as an RFC 9457 problem detail ({@code application/problem+json}), built here and nowhere else:
 * <pre>{"title":"…","status":400,"detail":"…","instance":"/api/…","reason":"…","errors":{"field":"…"}}</pre>
 * ({@code type} is left out, which means {@code about:blank}: the status says what kind of problem it is).
 * {@code title} and {@code detail} are in the reader's language; {@code reason} (the same text as
 * {@code detail}) and {@code errors} (one message per invalid field, empty when none) are extension members that
 * the API had before it spoke RFC 9457, kept for its clients. Answers every exception of a REST controller (Spring
 * MVC's own, such as malformed JSON, a wrong type or media type, as {@link ResponseEntityExceptionHandler} lists
 * them; {@link ApiProblem}; {@link BadInputException}; a busy site), and, through {@link ErrorResponses}, every
 * other error on an {@code /api/} path: no such address, a method or media type the address does not take,
 * input the screening filter refused. Never a stack trace, an exception class or a refused value: of the request,
 * only its path comes back, as {@code instance}.
 */
@RestControllerAdvice(annotations = RestController.class, assignableTypes = ErrorResponses.class)
public class ApiErrors extends ResponseEntityExceptionHandler {

    /** The extension member with one message per invalid field. */
    static final String FIELDS = "errors";
    /** The extension member with the reason, as in {@code detail}. */
    static final String REASON = "reason";

    static final String API_PATHS = "/api/";

    private final MessageSource messages;

    ApiErrors(MessageSource messages) {
        this.messages = messages;
    }

    /** Whether the request (or, in an error dispatch, the request that failed) is one of the API. */
    static boolean isApi(HttpServletRequest request) {
        return path(request).startsWith(API_PATHS);
    }

    @ExceptionHandler(ApiProblem.class)
    ResponseEntity<Object> problem(ApiProblem problem, NativeWebRequest request) {
        HttpHeaders headers = new HttpHeaders();
        problem.headers().forEach(headers::set);
        return answer(problem.status(), headers, problem.reasonKey(), problem.fields(), request);
    }

    /** 400, or the status the exception's class declares (404 for an expired link, 429 for too many requests). */
    @ExceptionHandler(BadInputException.class)
    ResponseEntity<Object> badInput(BadInputException e, NativeWebRequest request) {
        ResponseStatus declared = AnnotatedElementUtils.findMergedAnnotation(e.getClass(), ResponseStatus.class);
        return answer(declared == null ? HttpStatus.BAD_REQUEST : declared.code(), new HttpHeaders(), e.reasonKey(), Map.of(), request);
    }

    @ExceptionHandler(GroupCommit.Busy.class)
    ResponseEntity<Object> busy(GroupCommit.Busy e, NativeWebRequest request) {
        return unavailable("30", request);
    }

    /** 503 while the database is unreachable (see {@link DatabaseOutage}); any other data failure stays a 500. */
    @ExceptionHandler({DataAccessException.class, TransactionException.class})
    ResponseEntity<Object> database(RuntimeException e, NativeWebRequest request) {
        if (!DatabaseOutage.causedBy(e)) {
            throw e;
        }
        DatabaseOutage.noted(e);
        return unavailable(DatabaseOutage.RETRY_AFTER, request);
    }

    private ResponseEntity<Object> unavailable(String retryAfterSeconds, NativeWebRequest request) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, retryAfterSeconds);
        return answer(HttpStatus.SERVICE_UNAVAILABLE, headers, "error.503.text", Map.of(), request);
    }

    /** Spring MVC's own exceptions: the status and headers Spring chose, with this API's reasons and field messages. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers, HttpStatusCode status,
                                                             WebRequest request) {
        if (request instanceof ServletWebRequest servlet && servlet.getResponse() != null && servlet.getResponse().isCommitted()) {
            return null; // too late for an answer of its own (as Spring's handler does)
        }
        return answer(status, headers, reasonKey(e, status), fields(e), request);
    }

    private ResponseEntity<Object> answer(HttpStatusCode status, HttpHeaders headers, String reasonKey,
                                          Map<String, MessageSourceResolvable> fields, WebRequest request) {
        Locale locale = PageLanguage.ofError(request);
        String reason = messages.getMessage(reasonKey, null, reasonKey, locale);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, reason);
        problem.setTitle(messages.getMessage(ErrorTexts.titleKey(status.value()), null, locale));
        if (request instanceof NativeWebRequest web && web.getNativeRequest() instanceof HttpServletRequest servlet) {
            problem.setInstance(instance(path(servlet)));
        }
        problem.setProperty(REASON, reason);
        Map<String, String> messagesByField = new LinkedHashMap<>();
        fields.forEach((field, message) -> messagesByField.put(field, messages.getMessage(message, locale)));
        problem.setProperty(FIELDS, messagesByField);
        return ResponseEntity.status(status).headers(headers).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private static String reasonKey(Exception e, HttpStatusCode status) {
        return switch (e) {
            // a text refused by the screening of JSON bodies: the same reason a form with that text gets
            case HttpMessageNotReadableException unreadable when unreadable.getCause() instanceof ScreenedJson.RefusedText refused ->
                    refused.reasonKey();
            case HttpMessageNotReadableException unreadable -> "error.reason.json";
            case TypeMismatchException mismatch -> "error.reason.parameter";
            case MissingServletRequestParameterException missing -> "error.reason.parameter";
            default -> ErrorTexts.reasonKey(status.value());
        };
    }

    /** The field at fault, where the exception names one. */
    private static Map<String, MessageSourceResolvable> fields(Exception e) {
        return switch (e) {
            case HttpMessageNotReadableException unreadable when unreadable.getCause() instanceof ScreenedJson.RefusedText refused ->
                    Map.of(path(refused.getPath()), message(refused.reasonKey()));
            case HttpMessageNotReadableException unreadable when unreadable.getCause() instanceof JacksonException jackson
                    && !jackson.getPath().isEmpty() -> Map.of(path(jackson.getPath()), message("error.field.type"));
            case TypeMismatchException mismatch when mismatch.getPropertyName() != null ->
                    Map.of(mismatch.getPropertyName(), message("error.field.type"));
            case MissingServletRequestParameterException missing -> Map.of(missing.getParameterName(), message("error.field.missing"));
            default -> Map.of();
        };
    }

    private static MessageSourceResolvable message(String key) {
        return new DefaultMessageSourceResolvable(key);
    }

    /** The path as a URI reference; characters a URI cannot hold (which the container let through) quoted. */
    private static URI instance(String path) {
        try {
            return URI.create(path);
        } catch (IllegalArgumentException e) {
            try {
                return new URI(null, null, path, null);
            } catch (URISyntaxException unusable) {
                return URI.create(API_PATHS);
            }
        }
    }

    /** The path asked for: in an error dispatch, that of the request that failed. */
    private static String path(HttpServletRequest request) {
        return request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String failed ? failed : request.getRequestURI();
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
