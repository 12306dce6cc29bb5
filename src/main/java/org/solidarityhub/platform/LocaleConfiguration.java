package org.solidarityhub.platform;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.AbstractApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * The interface language: on a public page, its URL's prefix ({@link LanguagePrefixFilter}); on a feed or API answer,
 * its {@code ?lang=} (never remembered), else the base language for what a cache may keep ({@link PageLanguage}) and
 * the browser's Accept-Language for the rest; on staff pages a {@code ?lang=} choice, kept in a cookie, else the
 * browser's Accept-Language. A {@code ?lang=} naming a language
 * the site does not offer is ignored on a page (the reader sees it in another language), and the API answers in the
 * base language.
 */
@Configuration(proxyBeanMethods = false)
class LocaleConfiguration implements WebMvcConfigurer {

    static final String COOKIE = "lang";
    static final String PARAMETER = "lang";
    private static final Duration COOKIE_AGE = Duration.ofDays(365);

    private final SupportedLanguages languages;
    private final PlatformProperties platform;

    LocaleConfiguration(SupportedLanguages languages, PlatformProperties platform) {
        this.languages = languages;
        this.platform = platform;
    }

    /** The messages of every language, with ICU's plural rules (Spring Boot's own message source steps back). */
    @Bean(AbstractApplicationContext.MESSAGE_SOURCE_BEAN_NAME)
    MessageSource messageSource() {
        return new IcuMessageSource();
    }

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver(COOKIE) {
            @Override
            public Locale resolveLocale(HttpServletRequest request) {
                // a cookie naming a language that is no longer offered falls back like no cookie
                Locale locale = super.resolveLocale(request);
                return languages.byCode(locale.toLanguageTag()).orElseGet(() ->
                        languages.fromAcceptLanguage(request.getHeader("Accept-Language")));
            }

            /** The choice for this request, and a cookie that is Secure whenever the request came over HTTPS. */
            @Override
            public void setLocaleContext(HttpServletRequest request, HttpServletResponse response, LocaleContext context) {
                Locale locale = context == null ? null : context.getLocale();
                if (locale == null || response == null) {
                    super.setLocaleContext(request, response, context);
                    return;
                }
                request.setAttribute(LOCALE_REQUEST_ATTRIBUTE_NAME, locale);
                response.addHeader(HttpHeaders.SET_COOKIE, ResponseCookie.from(COOKIE, locale.toLanguageTag())
                        .path("/").maxAge(COOKIE_AGE).httpOnly(true).sameSite("Lax").secure(request.isSecure())
                        .build().toString());
            }
        };
        resolver.setDefaultLocaleFunction(request -> languages.fromAcceptLanguage(request.getHeader("Accept-Language")));
        resolver.setCookieMaxAge(COOKIE_AGE);
        resolver.setCookieHttpOnly(true);
        resolver.setCookieSameSite("Lax");
        resolver.setRejectInvalidCookies(false);
        return resolver;
    }

    /** After the input screening (-200), before Spring Security (-100): both see the path without the prefix. */
    @Bean
    FilterRegistrationBean<LanguagePrefixFilter> languagePrefixFilter(LanguageUrls urls, LocaleResolver localeResolver) {
        FilterRegistrationBean<LanguagePrefixFilter> registration =
                new FilterRegistrationBean<>(new LanguagePrefixFilter(urls, languages, localeResolver));
        registration.setName("languagePrefix");
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR);
        registration.setOrder(-150);
        return registration;
    }

    /** After Spring Security (-100), before the resource chain's filter (last). */
    @Bean
    FilterRegistrationBean<PrefixedLinks> prefixedLinks() {
        FilterRegistrationBean<PrefixedLinks> registration = new FilterRegistrationBean<>(new PrefixedLinks());
        registration.setName("prefixedLinks");
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR);
        registration.setOrder(-90);
        return registration;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new LanguageChoice());
        registry.addInterceptor(new LayoutModel(languages, platform));
    }

    /** Applies {@code ?lang=} to the locale cookie on staff pages (never on the API, whose URL names its language). */
    private final class LanguageChoice implements HandlerInterceptor {
        @Override
        public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
            String code = request.getParameter(PARAMETER);
            if (code == null || request.getDispatcherType() == DispatcherType.ERROR
                    || request.getAttribute(LanguagePrefixFilter.LANGUAGE) != null) {
                return true;
            }
            LocaleResolver resolver = RequestContextUtils.getLocaleResolver(request);
            Optional<Locale> locale = languages.byCode(code);
            if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
                return true; // the language of this answer alone (LanguagePrefixFilter), not a choice to remember
            }
            if (resolver != null && locale.isPresent()) {
                resolver.setLocale(request, response, locale.get());
            }
            return true;
        }
    }
}
