package org.solidarityhub.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The version of the deployed templates, messages and assets: a hash of their contents, the same on every instance
 * that runs the same build. Part of every page's ETag, so a deployment that changes how a page looks changes its
 * ETag too, and the version of the pages that change only with a deployment (the privacy statement).
 */
@Component
class Deployment {

    private static final String[] RESOURCES = {"classpath*:templates/**/*.html", "classpath*:messages*.properties",
            "classpath*:static/**/*.css", "classpath*:static/**/*.js"};

    private final String version;

    Deployment(ResourcePatternResolver resolver) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String pattern : RESOURCES) {
                Resource[] found = resolver.getResources(pattern);
                Arrays.sort(found, Comparator.comparing(Resource::getDescription));
                for (Resource resource : found) {
                    digest.update(String.valueOf(resource.getFilename()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
                    try (InputStream in = resource.getInputStream()) {
                        digest.update(in.readAllBytes());
                    }
                }
            }
            version = Base64.getUrlEncoder().withoutPadding().encodeToString(digest.digest()).substring(0, 12);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the templates and messages", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    String version() {
        return version;
    }
}
