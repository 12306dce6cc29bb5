package org.solidarityhub.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

class EventsOpenApiTest {

    private static final java.util.Set<String> HTTP_METHODS =
            java.util.Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

    @Test
    @SuppressWarnings("unchecked")
    void theOpenApiFileDocumentsEveryEventsEndpointAndItsReferencesResolve() throws Exception {
        String text;
        try (InputStream in = getClass().getResourceAsStream("/static/api/openapi.yaml")) {
            text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        Map<String, Object> api = new Yaml().load(text);
        Map<String, Object> paths = (Map<String, Object>) api.get("paths");
        assertThat(paths).containsKeys("/api/v1/campaigns", "/api/v1/campaigns/{slug}", "/api/v1/campaigns/{slug}/events",
                "/api/v1/campaigns/{slug}/events.geojson", "/api/v1/campaigns/{slug}/events.ics",
                "/api/v1/campaigns/{slug}/events.atom", "/events/{id}.ics");
        assertThat((Map<String, Object>) paths.get("/api/v1/campaigns/{slug}/events")).containsKeys("get", "post");
        Map<String, Object> schemas = (Map<String, Object>) ((Map<String, Object>) api.get("components")).get("schemas");
        java.util.regex.Matcher refs = java.util.regex.Pattern.compile("#/components/schemas/(\\w+)").matcher(text);
        while (refs.find()) {
            assertThat(schemas).as("schema " + refs.group(1)).containsKey(refs.group(1));
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyDocumentedErrorOfEveryApiIsAProblemDetail() throws Exception {
        Map<String, Object> api;
        try (InputStream in = getClass().getResourceAsStream("/static/api/openapi.yaml")) {
            api = new Yaml().load(in);
        }
        int errors = 0;
        for (Object path : ((Map<String, Object>) api.get("paths")).values()) {
            for (Map.Entry<String, Object> item : ((Map<String, Object>) path).entrySet()) {
                if (!HTTP_METHODS.contains(item.getKey()) || item.getKey().equals("head")) {
                    continue; // a path's own "parameters", "summary" or "description"; HEAD answers carry no body
                }
                Map<String, Object> responses = (Map<String, Object>) ((Map<String, Object>) item.getValue()).get("responses");
                for (Map.Entry<String, Object> response : responses.entrySet()) {
                    if (Integer.parseInt(response.getKey()) >= 400) {
                        errors++;
                        Map<String, Object> content = (Map<String, Object>) ((Map<String, Object>) response.getValue()).get("content");
                        assertThat(content).as(response.toString()).containsOnlyKeys("application/problem+json");
                        assertThat(content.get("application/problem+json").toString()).contains("#/components/schemas/Problem");
                    }
                }
            }
        }
        assertThat(errors).isGreaterThan(15);
        Map<String, Object> problem = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) api.get("components"))
                .get("schemas")).get("Problem");
        assertThat((Map<String, Object>) problem.get("properties")).containsKeys("type", "title", "status", "detail", "instance",
                "reason", "errors");
    }
}
