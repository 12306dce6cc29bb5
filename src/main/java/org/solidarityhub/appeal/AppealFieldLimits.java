package org.solidarityhub.appeal;

import java.util.HashMap;
import java.util.Map;

import org.solidarityhub.platform.FieldLimits;
import org.springframework.stereotype.Component;

/** The appeal's field limits for templates: {@code ${@appealLimits.get('name')}}. */
@Component("appealLimits")
final class AppealFieldLimits extends FieldLimits {

    AppealFieldLimits() {
        super(limits());
    }

    private static Map<String, Integer> limits() {
        Map<String, Integer> limits = new HashMap<>(SignRequest.LIMITS);
        limits.put("title", AppealEditing.TITLE_LIMIT);
        return limits;
    }
}
