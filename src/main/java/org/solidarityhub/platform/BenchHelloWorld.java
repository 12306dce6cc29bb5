package org.solidarityhub.platform;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The baseline of the benchmarks under bench/: the cheapest answer this app can give, through the same
 * filters and security headers as every other request. Exists only with {@code app.bench-hello-world=true}.
 */
@RestController
@ConditionalOnBooleanProperty("app.bench-hello-world")
class BenchHelloWorld {

    /** Plain text, in whatever text type the client accepts (the benchmarks' load generators ask for HTML or JSON). */
    @GetMapping("/bench/hello-world")
    String hello() {
        return "Hello, world";
    }
}
