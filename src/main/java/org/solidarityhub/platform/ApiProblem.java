package org.solidarityhub.events;

import java.util.Map;

/** A refusal of the events API: a status, a reason (message key) and field errors (already localized). */
class ApiProblem extends RuntimeException {

    final int status;
    final String reasonKey;
    final transient Map<String, String> errors;

    ApiProblem(int status, String reasonKey, Map<String, String> errors) {
        super(reasonKey, null, false, false);
        this.status = status;
        this.reasonKey = reasonKey;
        this.errors = errors;
    }
}
