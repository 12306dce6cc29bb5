package org.solidarityhub.appeal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.solidarityhub.test.Browser;
import org.solidarityhub.test.LogCanary;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** Issue 8, finding 1: a database failure in the middle of a batch of signatures logs nothing of the signers. */
@ExtendWith(OutputCaptureExtension.class)
class SigningLogPrivacyTest extends AppealTestSupport {

    @BeforeEach
    void anAppeal() {
        appeal = newAppeal(null);
    }

    @Test
    void aBatchThatLosesItsConnectionLogsNoSignerData(CapturedOutput output) throws Exception {
        LogCanary canary = new LogCanary();
        List<CompletableFuture<Browser.Page>> answers = new ArrayList<>();
        try (AutoCloseable failing = LogCanary.failWritesOf(db, "signature"); AutoCloseable verbose = LogCanary.verbose()) {
            // signers arriving together are written in one batch; the canary sits in the middle of it
            for (int i = 0; i < 9; i++) {
                boolean isCanary = i == 4;
                String name = isCanary ? canary.name : "Batch Signer " + i;
                String email = isCanary ? canary.email : uniqueEmail("batch");
                Browser who = anotherBrowser().from(isCanary ? canary.ip : uniqueIp());
                answers.add(CompletableFuture.supplyAsync(() -> who.postRaw("/api/v1/appeals/" + appeal.slug() + "/signatures",
                        "application/json", body(name, email).getBytes(StandardCharsets.UTF_8))));
            }
            List<Integer> statuses = answers.stream().map(CompletableFuture::join).map(Browser.Page::status).toList();
            assertThat(statuses).as("the others are stored one by one").contains(202);
            assertThat(statuses).as("the canary's write failed").anyMatch(status -> status >= 500);
        }
        assertThat(output.getAll()).as("the failure was logged").contains("08006");
        canary.assertAbsentFrom(output.getAll());
    }

    private static String body(String name, String email) {
        return """
                {"kind":"INDIVIDUAL","name":"%s","email":"%s","country":"BE","city":"Brussels","display":"FULL_NAME",\
                "comment":"","updates":false,"language":"en"}""".formatted(name, email);
    }
}
