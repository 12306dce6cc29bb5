package org.solidarityhub;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

class ModularityTests {

    private static final Path DIAGRAMS = Path.of("docs/modules");

    private final ApplicationModules modules = ApplicationModules.of(SolidarityHubApplication.class);

    @Test
    void featuresOnlyUseEachOthersPublicApiAndHaveNoCycles() {
        modules.verify();
    }

    /**
     * The module diagrams in docs/modules are rewritten by every build, so they never fall behind the code.
     * The Documenter lists components and relations in no fixed order; each run of them is sorted, so that a
     * build changes the files only when the modules change.
     */
    @Test
    void writesTheModuleDiagramsIntoTheDocs() throws IOException {
        new Documenter(modules, Documenter.Options.defaults().withOutputFolder(DIAGRAMS.toString()))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml();
        try (var files = Files.list(DIAGRAMS)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".puml")).toList()) {
                Files.write(file, sortRuns(Files.readAllLines(file)));
            }
        }
    }

    /** The lines with their runs of components and relations sorted. */
    private static List<String> sortRuns(List<String> lines) {
        List<String> sorted = new ArrayList<>(lines);
        int start = 0;
        while (start < sorted.size()) {
            int end = start;
            while (end < sorted.size() && isListed(sorted.get(end))) {
                end++;
            }
            if (end > start) {
                sorted.subList(start, end).sort(null);
                start = end;
            } else {
                start++;
            }
        }
        return sorted;
    }

    private static boolean isListed(String line) {
        String text = line.strip();
        return text.startsWith("Component(") || text.startsWith("Rel(");
    }
}
