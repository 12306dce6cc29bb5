package org.solidarityhub.platform;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A refusal of an API request that {@link ApiErrors} answers as JSON: a status, a reason (a message key) and
 * messages per field, already in the caller's language.
 */
public class ApiProblem extends RuntimeException {

    private final int status;
    private final String reasonKey;
    private final transient Map<String, String> errors;

    public ApiProblem(int status, String reasonKey, Map<String, String> errors) {
        super(reasonKey, null, false, false);
        this.status = status;
        this.reasonKey = reasonKey;
        // in the order the fields were checked, as the answer lists them
        this.errors = Collections.unmodifiableMap(new LinkedHashMap<>(errors));
    }

    public int status() {
        return status;
    }

    public String reasonKey() {
        return reasonKey;
    }

    public Map<String, String> errors() {
        return errors;
    }
}
