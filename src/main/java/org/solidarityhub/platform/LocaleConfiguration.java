package org.solidarityhub.platform;

import java.time.Duration;
import java.util.Locale;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * The interface language: a {@code ?lang=} choice, kept in a cookie, else the browser's Accept-Language.
 * An unknown {@code ?lang=} is a 400 with a message in the current language.
 */
@Configuration(proxyBeanMethods = false)
class LocaleConfiguration implements WebMvcConfigurer {

    static final String COOKIE = "lang";
    static final String PARAMETER = "lang";
    private static final Duration COOKIE_AGE = Duration.ofDays(365);

    private final SupportedLanguages languages;

    LocaleConfiguration(SupportedLanguages languages) {
        this.languages = languages;
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

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new LanguageChoice());
        registry.addInterceptor(new LayoutModel(languages));
    }

    /** Applies {@code ?lang=} to the locale cookie, rejecting languages the site does not offer. */
    private final class LanguageChoice implements HandlerInterceptor {
        @Override
        public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
            String code = request.getParameter(PARAMETER);
            if (code == null || request.getDispatcherType() == DispatcherType.ERROR) {
                return true;
            }
            Locale locale = languages.byCode(code).orElseThrow(UnsupportedLanguageException::new);
            LocaleResolver resolver = RequestContextUtils.getLocaleResolver(request);
            if (resolver != null) {
                resolver.setLocale(request, response, locale);
            }
            return true;
        }
    }
}
