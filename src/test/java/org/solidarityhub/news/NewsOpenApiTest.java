package org.solidarityhub.news;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.Arrays;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

class NewsOpenApiTest {

    @Test
    @SuppressWarnings("unchecked")
    void theOpenApiFileDocumentsThePostsEndpointsAndTheirSchemasFieldForField() throws Exception {
        Map<String, Object> api;
        try (InputStream in = getClass().getResourceAsStream("/static/api/openapi.yaml")) {
            api = new Yaml().load(in);
        }
        Map<String, Object> paths = (Map<String, Object>) api.get("paths");
        assertThat(paths).containsKeys(NewsPaths.API, NewsPaths.API + "/{slug}", NewsPaths.FEED);
        Map<String, Object> schemas = (Map<String, Object>) ((Map<String, Object>) api.get("components")).get("schemas");
        assertThat(((Map<String, Object>) ((Map<String, Object>) schemas.get("Post")).get("properties")).keySet())
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(NewsApiController.ApiPost.class.getRecordComponents())
                        .map(c -> c.getName()).toList());
        assertThat(((Map<String, Object>) ((Map<String, Object>) schemas.get("PostPage")).get("properties")).keySet())
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(NewsApiController.ApiPage.class.getRecordComponents())
                        .map(c -> c.getName()).toList());
    }
}
