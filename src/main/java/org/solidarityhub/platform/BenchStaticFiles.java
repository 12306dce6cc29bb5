package org.solidarityhub.platform;

import java.nio.file.Path;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.EncodedResourceResolver;
import org.springframework.web.servlet.resource.PathResourceResolver;

/**
 * The ceiling of bench/pages: files of a directory served under {@code /bench/static/} by this app, through the same
 * filters as every page, so a page can be measured against a static file of its very bytes. A client that accepts
 * gzip gets {@code name.gz} when it exists, with {@code Content-Encoding: gzip}. Exists only with
 * {@code app.bench-static-dir} set (the benchmark sets it; never in production).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty("app.bench-static-dir")
class BenchStaticFiles implements WebMvcConfigurer {

    private final Path directory;

    BenchStaticFiles(@Value("${app.bench-static-dir}") Path directory) {
        this.directory = directory;
    }

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/bench/static/**")
                .addResourceLocations("file:" + directory.toAbsolutePath() + "/")
                .resourceChain(true)
                .addResolver(new EncodedResourceResolver())
                .addResolver(new PathResourceResolver());
    }
}
