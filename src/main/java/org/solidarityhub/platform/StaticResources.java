package org.solidarityhub.platform;

import java.time.Duration;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.CssLinkResourceTransformer;
import org.springframework.web.servlet.resource.VersionResourceResolver;

/**
 * Every asset is served by the app itself, from these folders only (not from "/**"), so that building an
 * ordinary link in a template does not search the classpath. Assets get content-hashed URLs
 * ({@code /css/base-<md5>.css}, written by Thymeleaf's {@code @{…}}) and are cached for a year; the OpenAPI
 * document for an hour.
 */
@Configuration(proxyBeanMethods = false)
class StaticResources implements WebMvcConfigurer {

    static final String[] ASSET_FOLDERS = {"css", "js", "img", "maps"};

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        CacheControl year = CacheControl.maxAge(Duration.ofDays(365)).cachePublic();
        for (String folder : ASSET_FOLDERS) {
            versioned(registry.addResourceHandler("/" + folder + "/**").addResourceLocations("classpath:/static/" + folder + "/")
                    .setCacheControl(year));
        }
        versioned(registry.addResourceHandler("/webjars/**").addResourceLocations("classpath:/META-INF/resources/webjars/")
                .setCacheControl(year));
        registry.addResourceHandler("/api/*.yaml").addResourceLocations("classpath:/static/api/")
                .setCacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePublic());
    }

    private static void versioned(org.springframework.web.servlet.config.annotation.ResourceHandlerRegistration registration) {
        registration.resourceChain(true)
                .addResolver(new VersionResourceResolver().addContentVersionStrategy("/**"))
                .addTransformer(new CssLinkResourceTransformer());
    }
}
