package dev.postinglint.core.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.File;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The layers of docs/ARCHITECTURE.md: a package may use its own layer's package and the layers below
 * it, never one above or beside it, and no packages form a cycle.
 */
class ArchitectureTest {
    private static final String CORE = "dev.postinglint.core";

    /** Bottom first; packages on one line are one level and do not use each other. */
    static final List<List<String>> LAYERS = List.of(
            List.of("source", "text"),
            List.of("model"),
            List.of("yaml"),
            List.of("regex"),
            List.of("posting"),
            List.of("input", "jurisdiction"),
            List.of("rules"),
            List.of("policy"),
            List.of("filter"),
            List.of("engine"),
            List.of("fix", "report"),
            List.of("session"));

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(CORE);

    @Test
    void everyPackageHasItsPlaceInTheList() {
        File root = new File("src/main/java/dev/postinglint/core");
        TreeSet<String> onDisk = new TreeSet<>(Arrays.asList(root.list((d, n) -> new File(d, n).isDirectory() && new File(d, n).list().length > 0)));
        TreeSet<String> listed = new TreeSet<>();
        LAYERS.forEach(listed::addAll);
        assertEquals(listed, onDisk, "the packages of linter-core are the layers listed here and in docs/ARCHITECTURE.md");
    }

    @Test
    void importsPointDownTheList() {
        for (int i = 0; i < LAYERS.size(); i++) {
            List<String> notBelow = new ArrayList<>();
            for (int j = i; j < LAYERS.size(); j++) {
                notBelow.addAll(LAYERS.get(j));
            }
            for (String pkg : LAYERS.get(i)) {
                String[] forbidden = notBelow.stream().filter(p -> !p.equals(pkg)).map(p -> CORE + "." + p + "..")
                        .toArray(String[]::new);
                noClasses().that().resideInAPackage(CORE + "." + pkg + "..")
                        .should().dependOnClassesThat().resideInAnyPackage(forbidden)
                        .because(pkg + " sits below " + String.join(", ", notBelow.subList(1, notBelow.size()))
                                + " (docs/ARCHITECTURE.md)")
                        .allowEmptyShould(true)
                        .check(MAIN);
            }
        }
    }

    @Test
    void packagesFormNoCycle() {
        slices().matching(CORE + ".(*)..").should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void theCoreKnowsNoTerminalAndNoBuildTool() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("picocli..", "org.apache.maven..", "dev.postinglint.cli..",
                "dev.postinglint.maven..").check(MAIN);
    }
}
