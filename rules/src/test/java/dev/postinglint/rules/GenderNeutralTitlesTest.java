package dev.postinglint.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.postinglint.core.engine.Linter;
import dev.postinglint.core.input.InputFile;
import dev.postinglint.core.model.Finding;
import dev.postinglint.core.model.Severity;
import dev.postinglint.core.policy.Policy;
import dev.postinglint.core.policy.PolicyLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * French, Dutch, Spanish, Italian and Portuguese job titles in the default pack: a masculine job noun without a
 * marker or the feminine form is reported, at the severity its country's law supports; markers, both
 * forms and epicene nouns pass; section headings and English titles are not job nouns; other
 * countries and other languages are not judged.
 */
class GenderNeutralTitlesTest {
    private static final String FR = "<p>Lieu : Paris, France</p><p>Nous recherchons une personne pour rejoindre notre équipe et construire nos outils avec nous. Vous travaillerez sur des projets variés dans une équipe engagée.</p>";
    private static final String NL = "<p>Locatie: Amsterdam, Nederland</p><p>Wij zoeken een collega voor ons team in Amsterdam. Je werkt samen met een betrokken team aan onze producten en je krijgt de ruimte om te groeien.</p>";
    private static final String ES = "<p>Ubicación: Madrid, España</p><p>Buscamos una persona para unirse a nuestro equipo en Madrid. Trabajarás con tecnologías modernas y con un equipo comprometido con el producto.</p>";
    private static final String PT = "<p>Localização: Lisboa, Portugal</p><p>Procuramos uma pessoa para a nossa equipa em Lisboa. Vais trabalhar com tecnologias modernas e com uma equipa dedicada ao produto e aos nossos clientes.</p>";
    private static final String IT = "<p>Location: Milan, Italy</p><p>Cerchiamo una persona che si unisca al nostro team di Milano. Lavorerai con tecnologie moderne e con un team appassionato e attento alla qualità del prodotto.</p>";

    private static Policy policy;

    @TempDir
    Path dir;

    @BeforeAll
    static void load() {
        policy = new PolicyLoader().load("builtin:default", null);
    }

    private List<Finding> titleFindings(String title, String body) throws IOException {
        Path f = Files.writeString(dir.resolve("p.html"), "<h1>" + title + "</h1>" + body);
        return new Linter(LocalDate.of(2026, 11, 21), 1, Linter.DEFAULT_MAX_FILE_BYTES)
                .lint(List.of(InputFile.of(f)), path -> policy).files().get(0).findings().stream()
                .filter(x -> x.ruleId().startsWith("gender-neutral-title-")).toList();
    }

    private static String body(String lang) {
        return switch (lang) {
            case "fr" -> FR;
            case "nl" -> NL;
            case "es" -> ES;
            case "it" -> IT;
            case "pt" -> PT;
            default -> throw new IllegalArgumentException(lang);
        };
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "fr|Développeur Full Stack|warning",
        "fr|Ingénieur DevOps Senior|warning",
        "fr|Senior Développeur Java|warning",
        "fr|Stage - Chargé de communication|warning",
        "fr|Chef de projet digital|warning",
        "fr|Technicien support|warning",
        "fr|Consultant SAP|warning",
        "nl|Medewerker klantenservice|warning",
        "nl|Senior Projectleider|warning",
        "nl|Allround Monteur|warning",
        "nl|Timmerman|warning",
        "es|Desarrollador Backend|warning",
        "es|Ingeniero de Datos|warning",
        "es|Técnico de soporte|warning",
        "es|Jefe de proyecto|warning",
        "es|Junior Abogado|warning",
        "it|Sviluppatore Java|error",
        "it|Impiegato amministrativo|error",
        "it|Tecnico informatico|error",
        "it|Ingegnere del software|error",
        "pt|Programador Java|error",
        "pt|Engenheiro de Software|error",
        "pt|Técnico de Suporte|error",
        "pt|Gestor de Produto|error",
    })
    void aMasculineTitleIsReported(String lang, String title, String severity) throws IOException {
        List<Finding> found = titleFindings(title, body(lang));
        assertEquals(1, found.size(), title + ": " + found);
        assertEquals("gender-neutral-title-" + lang, found.get(0).ruleId());
        assertEquals(Severity.valueOf(severity.toUpperCase(java.util.Locale.ROOT)), found.get(0).severity());
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
        // markers
        "fr|Développeur Full Stack (H/F)", "fr|Développeur Full Stack F/H", "fr|Ingénieur DevOps (H/F/X)", "fr|Consultant SAP - H/F",
        "nl|Medewerker klantenservice (m/v)", "nl|Projectleider (m/v/x)", "nl|Monteur m/v",
        "es|Desarrollador Backend (h/m)", "es|Ingeniero de Datos (m/f)", "es|Desarrollador/a Backend", "es|Técnico/a de soporte",
        "it|Sviluppatore Java (m/f)", "it|Impiegato amministrativo (M/F)", "it|Tecnico informatico ambosessi",
        "it|Impiegato/a amministrativo/a",
        "pt|Programador Java (m/f)", "pt|Programador/a Java", "pt|Engenheiro(a) de Software", "pt|Analista de Dados",
        "pt|Engenheira ou Engenheiro de Software", "pt|Sobre nós",
        // both forms, inclusive writing
        "fr|Développeur·euse Full Stack", "fr|Développeur / Développeuse", "fr|Directrice / Directeur technique", "fr|Chargé(e) de communication",
        "fr|Chargé.e de communication",
        "nl|Medewerker / Medewerkster klantenservice",
        "es|Ingeniera o ingeniero de datos", "es|Programador@ Java",
        "it|Sviluppatore/Sviluppatrice Java",
        // epicene nouns and English titles
        "fr|Responsable Marketing", "fr|Product Manager", "fr|Data Engineer", "fr|Comptable", "fr|Développeuse Full Stack",
        "nl|Verpleegkundige", "nl|Frontend Developer", "nl|Manager Operations",
        "es|Analista de Datos", "es|Responsable de Marketing", "es|Product Manager", "es|Desarrolladora Backend",
        "it|Responsabile Marketing", "it|Analista dati", "it|Consulente SAP", "it|Data Engineer",
        // section headings, not titles
        "fr|Vos missions", "fr|À propos de nous", "nl|Wat ga je doen?", "es|Sobre nosotros", "it|Chi siamo",
    })
    void aNeutralOrMarkedTitlePasses(String lang, String title) throws IOException {
        assertEquals(List.of(), titleFindings(title, body(lang)), title);
    }

    @Test
    void otherCountriesAndOtherLanguagesAreNotJudged() throws IOException {
        assertEquals(List.of(), titleFindings("Développeur Full Stack", FR.replace("Paris, France", "Montréal, Québec, Canada")));
        assertEquals(List.of(), titleFindings("Desarrollador Backend", ES.replace("Madrid, España", "Ciudad de México, México")));
        assertEquals(List.of(), titleFindings("Programador Java", PT.replace("Lisboa, Portugal", "São Paulo, Brasil")));
        assertEquals(List.of(), titleFindings("Developer", "<p>Location: Paris, France</p><p>We are looking for an experienced engineer to join our team in Paris and build our tools with us every day.</p>"));
        assertEquals(List.of(), titleFindings("Développeur Full Stack", "<p>Location: Paris, France</p><p>We are looking for an experienced engineer to join our team in Paris and build our tools with us every day.</p>"),
                "a French title on an English posting: the posting's language decides");
    }

    @Test
    void theMessageNamesTheTitleAndTheMarker() throws IOException {
        Finding f = titleFindings("Développeur Full Stack", FR).get(0);
        assertEquals(true, f.message().contains("'Développeur Full Stack'") && f.message().contains("H/F"), f.message());
    }
}
