package org.solidarityhub;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

class ModularityTests {

    private final ApplicationModules modules = ApplicationModules.of(SolidarityHubApplication.class);

    @Test
    void featuresOnlyUseEachOthersPublicApiAndHaveNoCycles() {
        modules.verify();
    }

    /** The module diagrams in docs/modules are rewritten by every build, so they never fall behind the code. */
    @Test
    void writesTheModuleDiagramsIntoTheDocs() {
        new Documenter(modules, Documenter.Options.defaults().withOutputFolder("docs/modules"))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml();
    }
}
