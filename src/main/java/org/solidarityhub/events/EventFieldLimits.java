package org.solidarityhub.events;

import org.solidarityhub.submissions.FieldLimits;
import org.springframework.stereotype.Component;

/** The events' field limits for templates: {@code ${@eventLimits.get('title')}}. */
@Component("eventLimits")
final class EventFieldLimits extends FieldLimits {

    EventFieldLimits() {
        super(EventRules.LIMITS);
    }
}
