package org.solidarityhub.fundraising;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.Arrays;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

class FundraisingOpenApiTest {

    @Test
    @SuppressWarnings("unchecked")
    void theOpenApiFileDocumentsTheFundraisingEndpointsWithTheFieldsTheyAnswer() throws Exception {
        Map<String, Object> api;
        try (InputStream in = getClass().getResourceAsStream("/static/api/openapi.yaml")) {
            api = new Yaml().load(in);
        }
        Map<String, Object> paths = (Map<String, Object>) api.get("paths");
        assertThat(paths).containsKeys("/api/v1/fundraisers", "/api/v1/fundraisers/{slug}",
                "/api/v1/fundraisers/{slug}/ledger", "/api/v1/fundraisers/{slug}/ledger.csv",
                "/api/v1/fundraisers/{slug}/widget");
        Map<String, Object> schemas = (Map<String, Object>) ((Map<String, Object>) api.get("components")).get("schemas");
        Map<String, Class<?>> shapes = Map.of("Money", FundraisingApi.ApiMoney.class,
                "FundraiserSummary", FundraisingApi.ApiSummary.class, "Fundraiser", FundraisingApi.ApiFundraiser.class,
                "Need", FundraisingApi.ApiNeed.class, "Purchase", FundraisingApi.ApiPurchase.class,
                "FundraisingReport", FundraisingApi.ApiReport.class, "LedgerPage", FundraisingApi.ApiLedgerPage.class,
                "FundraiserWidget", FundraisingApi.ApiWidget.class);
        shapes.forEach((name, type) -> {
            Map<String, Object> properties = (Map<String, Object>) ((Map<String, Object>) schemas.get(name)).get("properties");
            // the fields the API answers, no more, no fewer
            assertThat(properties.keySet()).as(name).containsExactlyInAnyOrderElementsOf(
                    Arrays.stream(type.getRecordComponents()).map(c -> c.getName()).toList());
        });
    }
}
