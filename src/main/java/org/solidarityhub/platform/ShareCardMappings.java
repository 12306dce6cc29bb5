package org.solidarityhub.platform;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Answers the share card of every {@link ShareCardSource}: a GET mapping at its pages' pattern plus
 * {@value ShareCards#SUFFIX}, registered once every bean exists (before the server takes requests). Its errors are
 * the usual pages (a 404 in the language of the URL), not an API's problem details.
 */
@Component
class ShareCardMappings implements SmartInitializingSingleton {

    private final RequestMappingHandlerMapping mapping;
    private final List<ShareCardSource> sources;
    private final ShareCards cards;

    ShareCardMappings(@Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mapping,
                      List<ShareCardSource> sources, ShareCards cards) {
        this.mapping = mapping;
        this.sources = sources;
        this.cards = cards;
    }

    @Override
    public void afterSingletonsInstantiated() {
        for (ShareCardSource source : sources) {
            try {
                mapping.registerMapping(RequestMappingInfo.paths(source.pages().pattern() + ShareCards.SUFFIX)
                                .methods(RequestMethod.GET, RequestMethod.HEAD).options(mapping.getBuilderConfiguration()).build(),
                        new Card(source, cards), Card.class.getMethod("answer", HttpServletRequest.class, Locale.class));
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** The handler of one source's cards. */
    static final class Card {

        private final ShareCardSource source;
        private final ShareCards cards;

        Card(ShareCardSource source, ShareCards cards) {
            this.source = source;
            this.cards = cards;
        }

        public ResponseEntity<byte[]> answer(HttpServletRequest request, Locale locale) {
            Object variables = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
            String value = variables instanceof Map<?, ?> map && map.get(source.pages().variable()) instanceof String v ? v : "";
            return cards.png(source.card(value, locale), locale);
        }
    }
}
