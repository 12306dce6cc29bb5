package org.solidarityhub.platform;

import java.util.Map;

/**
 * The length limits of a feature's fields, as its checks apply them, for the {@code maxlength} attributes of
 * its forms: a feature declares one as a bean ({@code @Component("eventLimits")}) and its templates read
 * {@code ${@eventLimits.get('title')}}, so the browser and the server never disagree. An unknown field is an
 * error, not a missing attribute.
 */
public class FieldLimits {

    private final Map<String, Integer> limits;

    protected FieldLimits(Map<String, Integer> limits) {
        this.limits = Map.copyOf(limits);
    }

    public int get(String field) {
        Integer limit = limits.get(field);
        if (limit == null) {
            throw new IllegalArgumentException("no limit for field " + field);
        }
        return limit;
    }
}
