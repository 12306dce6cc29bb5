package org.solidarityhub.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

class ReportsOpenApiTest {

    @Test
    @SuppressWarnings("unchecked")
    void theOpenApiFileDocumentsTheReportsEndpointsWithTheirSchemas() throws Exception {
        Map<String, Object> api;
        try (InputStream in = getClass().getResourceAsStream("/static/api/openapi.yaml")) {
            api = new Yaml().load(in);
        }
        Map<String, Object> paths = (Map<String, Object>) api.get("paths");
        assertThat(paths).containsKeys("/api/v1/campaigns/{slug}/reports", "/api/v1/campaigns/{slug}/reports.atom",
                ReportUploadController.PATH, ReportUploadController.PATH + "/{id}");
        assertThat((Map<String, Object>) paths.get(ReportUploadController.PATH + "/{id}")).containsKeys("head", "patch", "delete");
        Map<String, Object> schemas = (Map<String, Object>) ((Map<String, Object>) api.get("components")).get("schemas");
        Map<String, Object> report = (Map<String, Object>) ((Map<String, Object>) schemas.get("Report")).get("properties");
        // the fields the API answers (ReportsApiController.ApiReport), no more, no fewer
        assertThat(report.keySet()).containsExactlyInAnyOrderElementsOf(java.util.Arrays.stream(
                ReportsApiController.ApiReport.class.getRecordComponents()).map(c -> c.getName()).toList());
        assertThat(((Map<String, Object>) ((Map<String, Object>) schemas.get("ReportPage")).get("properties")).keySet())
                .containsExactlyInAnyOrderElementsOf(java.util.Arrays.stream(
                        ReportsApiController.ApiPage.class.getRecordComponents()).map(c -> c.getName()).toList());
    }
}
