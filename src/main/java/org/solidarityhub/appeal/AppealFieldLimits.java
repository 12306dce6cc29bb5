package org.solidarityhub.appeal;

import org.solidarityhub.submissions.FieldLimits;
import org.springframework.stereotype.Component;

/** The appeal's field limits for templates: {@code ${@appealLimits.get('name')}}. */
@Component("appealLimits")
final class AppealFieldLimits extends FieldLimits {

    AppealFieldLimits() {
        super(SignRequest.LIMITS);
    }
}
