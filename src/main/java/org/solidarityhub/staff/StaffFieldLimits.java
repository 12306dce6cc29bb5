package org.solidarityhub.staff;

import java.util.Map;

import org.solidarityhub.platform.EmailAddresses;
import org.solidarityhub.platform.FieldLimits;
import org.springframework.stereotype.Component;

/** The staff forms' field limits for templates: {@code ${@staffLimits.get('displayName')}}. */
@Component("staffLimits")
final class StaffFieldLimits extends FieldLimits {

    StaffFieldLimits() {
        super(Map.of("email", EmailAddresses.MAX_LENGTH, "displayName", InvitationAcceptance.NAME_LIMIT,
                "passwordMin", PasswordPolicy.MIN_LENGTH, "password", PasswordPolicy.MAX_BYTES));
    }
}
