package org.solidarityhub.events;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The baseline of the events benchmark (bench/events): the cheapest answer this app can give, through
 * the same filters and security headers as every other request. Exists only with
 * {@code events.bench-hello-world=true}.
 */
@RestController
@ConditionalOnBooleanProperty("events.bench-hello-world")
class BenchHelloWorld {

    @GetMapping(value = "/bench/hello-world", produces = MediaType.TEXT_PLAIN_VALUE)
    String hello() {
        return "Hello, world";
    }
}
