package org.solidarityhub.platform;

import org.springframework.stereotype.Component;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.module.SimpleModule;

/**
 * Screens every text of a JSON body as it is read, as {@link InputScreeningFilter} screens parameters: a
 * string with a NUL or another control character, an unpaired surrogate, a non-character or a length beyond
 * any field is refused with the same localized reason, as a 400 that names the field ({@link ApiErrors}),
 * before a controller or the database sees it. Spring Boot adds this module to its JSON mapper.
 */
@Component
class ScreenedJson extends SimpleModule {

    ScreenedJson() {
        super("screened-json");
        addDeserializer(String.class, new ScreenedStrings());
    }

    /** A JSON text the screening refused; its message is the reason's key, never the text. */
    static final class RefusedText extends MismatchedInputException {

        private final String reasonKey;

        RefusedText(JsonParser parser, String reasonKey) {
            super(parser, reasonKey, String.class);
            this.reasonKey = reasonKey;
        }

        String reasonKey() {
            return reasonKey;
        }
    }

    private static final class ScreenedStrings extends StringDeserializer {

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) {
            String value = super.deserialize(parser, context);
            String problem = value == null ? null : TextScreening.problem(value, TextScreening.MAX_VALUE_LENGTH, true);
            if (problem != null) {
                throw new RefusedText(parser, problem);
            }
            return value;
        }
    }
}
