package org.solidarityhub.test;

import java.util.Comparator;

import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.ClassOrdererContext;

/**
 * The order of the test classes (set in junit-platform.properties): as found, but the scan of the whole run's
 * log ({@code WholeRunLogTest}) last. It also starts reading the run's output, before any test runs.
 */
public final class LogScanLast implements ClassOrderer {

    static final String LAST = "org.solidarityhub.WholeRunLogTest";

    @Override
    public void orderClasses(ClassOrdererContext context) {
        RunLog.install();
        // a stable sort: every other class keeps its place
        context.getClassDescriptors().sort(Comparator.comparing(descriptor -> descriptor.getTestClass().getName().equals(LAST)));
    }
}
