package org.solidarityhub.platform;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.http.HttpStatus;

/**
 * A refusal of an API request, which {@link ApiErrors} answers as an RFC 9457 problem detail: a status, a reason
 * (a message key) and, for invalid fields, one message per field. Messages are resolved in the caller's language
 * only when the answer is written.
 */
public class ApiProblem extends RuntimeException {

    private final HttpStatus status;
    private final String reasonKey;
    private final transient Map<String, MessageSourceResolvable> fields;
    private final transient Map<String, String> headers;

    /** {@code fields} in the order the fields were checked, as the answer lists them. */
    public ApiProblem(HttpStatus status, String reasonKey, Map<String, ? extends MessageSourceResolvable> fields) {
        this(status, reasonKey, fields, Map.of());
    }

    private ApiProblem(HttpStatus status, String reasonKey, Map<String, ? extends MessageSourceResolvable> fields,
                       Map<String, String> headers) {
        super(reasonKey, null, false, false);
        this.status = status;
        this.reasonKey = reasonKey;
        this.fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        this.headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    /** The same refusal with a response header besides (a 409's {@code Upload-Offset}, a 429's {@code Retry-After}). */
    public ApiProblem withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new ApiProblem(status, reasonKey, fields, more);
    }

    /** A refusal with a reason and no field messages (404 for an unknown name, 409 for a closed appeal…). */
    public static ApiProblem of(HttpStatus status, String reasonKey) {
        return new ApiProblem(status, reasonKey, Map.of());
    }

    /** 400: invalid fields, each with the message key of what is wrong with it. */
    public static ApiProblem fields(String reasonKey, Map<String, String> messageKeys) {
        Map<String, MessageSourceResolvable> fields = new LinkedHashMap<>();
        messageKeys.forEach((field, key) -> fields.put(field, new DefaultMessageSourceResolvable(new String[]{key}, key)));
        return new ApiProblem(HttpStatus.BAD_REQUEST, reasonKey, fields);
    }

    public HttpStatus status() {
        return status;
    }

    public String reasonKey() {
        return reasonKey;
    }

    public Map<String, MessageSourceResolvable> fields() {
        return fields;
    }

    /** Response headers to send with the problem. */
    public Map<String, String> headers() {
        return headers;
    }
}
