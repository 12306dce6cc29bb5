package org.solidarityhub.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** Rules the templates keep: no asset versions typed in them, staff pages in a staff folder of their feature. */
class TemplatesTest {

    private static final Path TEMPLATES = Path.of("src/main/resources/templates");
    /** A webjar path with a version in it: /webjars/leaflet/1.9.4/… */
    private static final Pattern TYPED_VERSION = Pattern.compile("/webjars/[^/\"'\\s]+/\\d");

    private static List<Path> templates() throws IOException {
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            return files.filter(f -> f.toString().endsWith(".html")).toList();
        }
    }

    @Test
    void noTemplateTypesTheVersionOfAnAsset() throws IOException {
        for (Path template : templates()) {
            assertThat(TYPED_VERSION.matcher(Files.readString(template)).find()).as(template.toString()).isFalse();
        }
    }

    @Test
    void staffPagesLiveInTheStaffFolderOfTheirFeature() throws IOException {
        for (Path template : templates()) {
            String name = TEMPLATES.relativize(template).toString().replace('\\', '/');
            assertThat(name).as("a staff page outside a staff folder").doesNotContainPattern("^[a-z]+/staff-");
            assertThat(name).doesNotStartWith("platform/outbox");
        }
    }
}
