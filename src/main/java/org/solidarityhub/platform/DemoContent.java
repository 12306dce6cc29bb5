package org.solidarityhub.platform;

/**
 * The demo content of one feature (taken from the seed texts), loaded by {@link DemoLoading} once the application is
 * ready when {@code app.demo} is on. Loading again stores nothing twice.
 */
public interface DemoContent {

    /** What it loads, for the log: "news", "reports". */
    String name();

    /** Loads what is not there yet; returns how many items it stored. */
    int load();
}
