package dev.postinglint.core.jurisdiction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Places read from sentences that say where the job is, and the sentences that must not count. */
class ProsePlacesTest {
    private static List<String> values(String text) {
        return ProsePlaces.find(text, GazetteerTest.G).stream().map(ProsePlaces.Mention::value).toList();
    }

    @Test
    void officeWordingWithCityAndRegion() {
        assertEquals(List.of("Denver, Colorado"), values("Join our HQ offices in Denver, Colorado. We pay well."));
        assertEquals(List.of("Denver, CO"), values("This role is based in Denver, CO."));
        assertEquals(List.of("Lisbon, Portugal"), values("The position is located in Lisbon, Portugal and reports to the CTO."));
    }

    @Test
    void theMentionPointsAtThePlace() {
        String text = "This role is based in Denver, CO.";
        ProsePlaces.Mention m = ProsePlaces.find(text, GazetteerTest.G).get(0);
        assertEquals("Denver, CO", text.substring(m.start(), m.end()));
    }

    @Test
    void aBareCityCountsOnlyWhereAnOfficeWordTiesItToTheJob() {
        assertEquals(List.of("Denver"), values("You will work from our Denver office three days a week."));
        assertEquals(List.of("Denver"), values("This is a Denver-based role."));
        assertEquals(List.of(), values("This role is based in Denver."), "a bare city after 'based in' is not enough");
        assertEquals(List.of("Colorado"), values("This role is based in Colorado."), "a region by name is");
    }

    @Test
    void remoteAcrossACountry() {
        assertEquals(List.of("Remote - US"), values("This is a remote role anywhere in the US."));
        assertEquals(List.of("Remote - United States"), values("The job is fully remote across the United States."));
        assertEquals(1, GazetteerTest.G.resolve("Remote - US").remoteCountries().size());
    }

    @Test
    void aListOfOfficesIsTheCompanysNotTheJobs() {
        assertEquals(List.of(), values("We have offices in London, New York and Lisbon."));
        assertEquals(List.of(), values("We have offices in Denver, Colorado and Lisbon, Portugal."));
    }

    @Test
    void wordsAfterThePlaceEndIt() {
        assertEquals(List.of("Denver, CO"), values("Based in Denver, CO. We Build Things."));
        assertEquals(List.of(), values("Our offices in Denver HQ, London and Lisbon."), "a list after an office word");
        assertEquals(List.of(), values("We have offices in Denver, London, Lisbon."), "a city after a comma starts a list");
        assertEquals(List.of(), values("This role is based in Denver, New York State."), "Denver is not in New York State");
    }

    @Test
    void conditionsAndPayLabelsDoNotPlaceTheJob() {
        assertEquals(List.of(), values("If you are based in Colorado, please read this notice."));
        assertEquals(List.of(), values("For candidates located in Denver, CO, the range is $100,000 - $120,000."));
        assertEquals(List.of(), values("This role is based in Denver, CO, or Lisbon, Portugal."), "alternatives are a list");
    }

    @Test
    void aCountryInASentenceThatSaysRemoteIsRemoteAcrossIt() {
        assertEquals(List.of("Remote - US"), values("This role will be remote (based in the US)."));
    }

    @Test
    void customersEventsAndHistoryDoNotPlaceTheJob() {
        assertEquals(List.of(), values("We support clients based in Denver, Colorado."));
        assertEquals(List.of(), values("The company was founded in 2015 with offices in Denver, Colorado."));
        assertEquals(List.of(), values("Our annual summit is held at our offices in Denver, Colorado."));
        assertEquals(List.of(), values("Acme is headquartered in Denver, Colorado."));
        assertEquals(List.of(), values("We are serving Colorado from our office in Denver, CO."));
    }

    @Test
    void aSentenceEndsThePlace() {
        assertEquals(List.of("Denver, Colorado"), values("Based in Denver, Colorado. We Build Things."));
    }

    @Test
    void unknownPlacesAreNotGuessed() {
        assertEquals(List.of(), values("This role is based in Atlantis, Oceania."));
        assertEquals(List.of(), values("This role is based in the Engineering team."));
    }

    /** European places in their own languages, as the shipped gazetteer names them. */
    private static final Gazetteer EU = new Gazetteer(Map.of(
            "countries", List.of(
                    Map.of("code", "FR", "names", List.of("France"), "eu", true),
                    Map.of("code", "DE", "names", List.of("Germany", "Deutschland"), "eu", true),
                    Map.of("code", "ES", "names", List.of("Spain", "España"), "eu", true),
                    Map.of("code", "PT", "names", List.of("Portugal"), "eu", true),
                    Map.of("code", "NL", "names", List.of("Netherlands", "Nederland"), "eu", true),
                    Map.of("code", "CA", "names", List.of("Canada"))),
            "regions", List.of(Map.of("code", "CA-QC", "names", List.of("Quebec", "Québec"))),
            "cities", List.of(
                    Map.of("names", List.of("Paris", "Lyon"), "in", "FR"),
                    Map.of("names", List.of("Berlin", "München"), "in", "DE"),
                    Map.of("names", List.of("Madrid", "Barcelona"), "in", "ES"),
                    Map.of("names", List.of("Lisboa", "Porto"), "in", "PT"),
                    Map.of("names", List.of("Amsterdam", "Rotterdam", "Utrecht"), "in", "NL"),
                    Map.of("names", List.of("Montréal"), "in", "CA-QC"))));

    private static List<String> eu(String text) {
        return ProsePlaces.find(text, EU).stream().map(ProsePlaces.Mention::value).toList();
    }

    @Test
    void frenchGermanSpanishPortugueseAndDutchWordings() {
        assertEquals(List.of("Paris"), eu("CDI à temps plein, basé à Paris."));
        assertEquals(List.of("Montréal"), eu("Poste en présentiel à notre bureau de Montréal."), "'à notre bureau' is not a cue; 'bureau de' after 'notre' is");
        assertEquals(List.of("France"), eu("Le poste est situé en France."));
        assertEquals(List.of("Berlin"), eu("Du arbeitest in unserem Büro in Berlin."));
        assertEquals(List.of("München"), eu("Die Stelle ist am Standort München zu besetzen."));
        assertEquals(List.of("Berlin"), eu("Die Open Knowledge Foundation ist ein gemeinnütziger Verein mit Sitz in Berlin."));
        assertEquals(List.of("Madrid"), eu("Puesto con sede en Madrid."));
        assertEquals(List.of("Lisboa"), eu("A vaga está localizada em Lisboa."));
        assertEquals(List.of("Porto"), eu("Trabalho baseado no Porto."));
        assertEquals(List.of("Amsterdam"), eu("Het bedrijf is gevestigd in Amsterdam."));
        assertEquals(List.of("Utrecht"), eu("Je werkt vanuit ons kantoor in Utrecht."));
        assertEquals(List.of("Amsterdam"), eu("Ons kantoor is gevestigd in het centrum van Amsterdam, maar onze collega’s komen vanuit alle hoeken."));
        assertEquals(List.of("Utrecht"), eu("Wij zijn Stuurlui. Een fullservice WordPress bureau in Utrecht."));
        assertEquals(List.of("Utrecht"), eu("We zitten in Utrecht;"));
    }

    @Test
    void remoteAcrossACountryInOtherLanguages() {
        assertEquals(List.of("Remote - France"), eu("Le poste est en télétravail depuis la France."));
        assertEquals(List.of("Remote - Deutschland"), eu("Die Stelle ist remote in ganz Deutschland möglich."));
        assertEquals(List.of("Remote - España"), eu("Trabajo en remoto desde cualquier lugar de España."));
        assertEquals(List.of("Remote - Portugal"), eu("Trabalho remoto em todo o Portugal."));
        assertEquals(List.of("Remote - Nederland"), eu("Je werkt remote in heel Nederland."));
        assertEquals(List.of(), eu("Je werkt remote in Amsterdam."), "remote in a city is no country");
    }

    @Test
    void otherLanguagesKeepTheExclusionsAndTellLists() {
        assertEquals(List.of(), eu("Nous accompagnons des clients basés à Lyon."));
        assertEquals(List.of(), eu("Si vous êtes basé à Paris, venez au bureau."));
        assertEquals(List.of(), eu("Das Unternehmen wurde 2015 gegründet, mit Sitz in Berlin."));
        assertEquals(List.of(), eu("Somos una empresa fundada en 2010 con sede en Madrid."));
        assertEquals(List.of(), eu("Para candidatos ubicados en Madrid, el salario es otro."));
        assertEquals(List.of(), eu("Wij werken voor klanten gevestigd in Rotterdam."));
        assertEquals(List.of(), eu("Postes basés à Paris et Lyon."), "a list");
        assertEquals(List.of(), eu("Büros in unserem Standort in Berlin und München."), "a list");
        assertEquals(List.of(), eu("Con sede en Madrid y Barcelona."), "a list");
        assertEquals(List.of(), eu("Gevestigd in Amsterdam en Rotterdam."), "a list");
        assertEquals(List.of("Paris"), eu("Poste basé à Paris en CDI."), "'en' is French for 'in', not a list");
    }

    @Test
    void otherLanguagesDoNotGuessPlaces() {
        assertEquals(List.of(), eu("Poste basé à Atlantide."));
        assertEquals(List.of(), eu("Puesto con sede en Springfield."));
        assertEquals(List.of(), eu("Gevestigd in het centrum."));
    }

    private static final String[] WORDS = {"based", "located", "situated", "work", "working", "in", "at", "from", "out of", "our", "the", "offices",
        "HQ", "headquarters", "head office", "office", "hub", "campus", "studio", "Denver", "Colorado", "Denver-based", "role", "remote", "remotely",
        "anywhere", "across", "basé", "basée", "à", "en", "Paris", "nos", "notre", "bureaux", "locaux", "de", "télétravail",
        "full-remote", "à distance", "depuis", "la", "France", "mit", "Sitz", "Berlin", "unserem", "Büro", "am", "Standort",
        "Arbeitsort", "ist", "Homeoffice", "Home-Office", "mobil", "aus", "ganz", "Deutschland", "con", "sede", "ubicado",
        "nuestra", "oficina", "remoto", "teletrabajo", "desde", "localizado", "baseado", "em", "no", "Lisboa", "nosso",
        "escritório", "remota", "teletrabalho", "gevestigd", "zitten", "kantoor", "kantoren", "bureau", "standplaats",
        "op afstand", "thuiswerken", "vanuit", "Nederland", ",", ".",
        // whole wordings, so that every cue matches often
        "based in our", "work from the", "working out of our", "Denver HQ", "Denver office", "based in the", "offices at the",
        "remote role anywhere in the", "based in our Denver studio", "working from the Boulder campus", "work in our Denver Hub", "basé à", "nos bureaux de", "télétravail depuis la", "mit Sitz in", "in unserem Büro in",
        "remote in ganz", "con sede en", "nuestras oficinas en", "remoto desde", "localizado em", "nosso escritório em",
        "remoto em", "gevestigd in", "thuiswerken vanuit heel", "Denver-based position",
        // the other first words of the cues
        "head office in", "teletravail en", "full remote depuis", "à\tdistance en", "nouveaux bureaux à", "notre bureau de",
        "zit in", "op afstand in", "mobil aus", "Homeoffice in", "situé en", "implantée à", "sediado em", "remota de qualquer lugar do"};

    /** A random sentence of 2 to 7 of the words, in lower, upper or title case, or with the long s and the Kelvin sign. */
    private static String sentence(java.util.Random r) {
        StringBuilder b = new StringBuilder();
        for (int n = 2 + r.nextInt(6), k = 0; k < n; k++) {
            String w = WORDS[r.nextInt(WORDS.length)];
            w = switch (r.nextInt(8)) {
                case 0 -> w.toUpperCase(java.util.Locale.ROOT);
                case 1 -> w.isEmpty() ? w : Character.toUpperCase(w.charAt(0)) + w.substring(1);
                case 2 -> w.replace('s', '\u017f').replace('k', '\u212a');
                default -> w;
            };
            b.append(k == 0 ? "" : " ").append(w);
        }
        return b.toString();
    }

    /**
     * The words each cue needs ({@code Cue.needs}, a speed-up) are in every text the cue matches, and
     * every match starts with one of its first words ({@code Cue.startsWith}), compared folded: random
     * sentences of the cues' own wordings and places in every language, in lower, upper and title case,
     * and with the long s and the Kelvin sign that (?iu) folds into s and k.
     */
    @Test
    void everyCueMatchHoldsOneOfItsWords() {
        java.util.Random r = new java.util.Random(5);
        int[] matched = new int[ProsePlaces.CUES.size()];
        for (int i = 0; i < 40_000; i++) {
            String text = sentence(r);
            String folded = dev.postinglint.core.regex.PolicyPattern.fold(text);
            for (int c = 0; c < matched.length; c++) {
                ProsePlaces.Cue cue = ProsePlaces.CUES.get(c);
                java.util.regex.Matcher m = cue.pattern().matcher(text);
                boolean any = false;
                while (m.find()) {
                    any = true;
                    int cueIndex = c;
                    int at = m.start();
                    assertTrue(cue.starts().isEmpty() || cue.starts().stream().anyMatch(w -> folded.startsWith(w, at)),
                            () -> "cue " + cueIndex + " matches '" + text + "' at " + at + " without one of its first words " + cue.starts());
                }
                if (any) {
                    matched[c]++;
                    int cueIndex = c;
                    assertTrue(mayOccur(cue, folded), () -> "cue " + cueIndex + " matches '" + text + "' without its words " + cue.words()
                            + " (and " + cue.also() + ")");
                }
            }
        }
        for (int c = 0; c < matched.length; c++) {
            assertTrue(matched[c] > 0, "cue " + c + " was never matched");
        }
    }

    /**
     * One scan of a whole text (a posting's text view) gives for each part of it (a block) what a
     * search of every cue over that part alone gives, and tries exactly the cues whose words the part
     * holds, folded ({@link #mayOccur}): random paragraphs of the cues' wordings and places, joined as
     * blocks are, and parts that cut a word.
     */
    @Test
    void aScanOfTheWholeTextAgreesWithEachPartAlone() {
        java.util.Random r = new java.util.Random(7);
        int found = 0;
        for (int i = 0; i < 600; i++) {
            StringBuilder b = new StringBuilder();
            List<int[]> parts = new java.util.ArrayList<>();
            for (int p = 0, n = 1 + r.nextInt(5); p < n; p++) {
                int start = b.length();
                b.append(sentence(r)).append(r.nextBoolean() ? ". " : ", ").append(sentence(r));
                parts.add(new int[] {start, b.length()});
                b.append(r.nextBoolean() ? "\n" : "\n\n");
            }
            String text = b.toString();
            int cut = r.nextInt(text.length() + 1);
            parts.add(new int[] {cut, Math.min(text.length(), cut + r.nextInt(40))});
            parts.add(new int[] {0, text.length()});
            ProsePlaces.Scan scan = ProsePlaces.scan(text);
            for (int[] part : parts) {
                String alone = text.substring(part[0], part[1]);
                String folded = dev.postinglint.core.regex.PolicyPattern.fold(alone);
                for (int c = 0; c < ProsePlaces.CUES.size(); c++) {
                    boolean tried = (scan.cuesIn(part[0], part[1]) & (1L << c)) != 0;
                    assertEquals(mayOccur(ProsePlaces.CUES.get(c), folded), tried, "cue " + c + " in '" + alone + "'");
                }
                for (Gazetteer g : List.of(GazetteerTest.G, EU)) {
                    List<ProsePlaces.Mention> expected = ProsePlaces.findBySearch(alone, g);
                    assertEquals(expected, scan.find(part[0], part[1], g), alone);
                    found += expected.size();
                }
            }
        }
        assertTrue(found > 100, "places found: " + found);
    }

    /** The wordings of the sentences that are not about the job, in every language, and words near them. */
    private static final String[] NOT_THE_JOB_WORDS = {"client", "clients", "clientes", "customer", "customers", "partners", "vendor",
        "suppliers", "serve", "serves", "served", "serving", "service", "patients", "students", "users", "user-facing", "members",
        "community", "communities", "schools", "hospital", "founded", "established", "since", "conferences", "events", "eventful",
        "summit", "held", "hosted", "meetups", "acquired", "opened", "launched", "expand", "expanded", "expanding", "expansion",
        "formerly", "previously", "headquartered", "investors", "backed", "employees", "employee", "residents", "notices",
        "privacy", "if you", "if", "you", "for candidates", "for applicants", "for those", "for people", "for anyone", "for roles",
        "for positions", "for hires", "for", "klanten", "Kunden", "partenaires", "parceiros", "socios", "fondée", "fondés",
        "créé en", "créées en", "creees en", "gegründet", "fundada", "fundados", "opgericht", "seit", "sinds", "événements",
        "evenement", "évènement", "Veranstaltungen", "eventos", "evenementen", "siège social", "siege social", "Hauptsitz",
        "sede central", "hoofdkantoor", "si vous", "wenn du", "wenn Sie", "falls", "si eres", "si estás", "si estas",
        "si usted", "se você", "se voce", "se estiver", "als je", "indien", "pour les candidats", "pour les candidates",
        "pour les postes", "für Bewerber", "für Bewerberinnen", "für Stellen", "para candidatos", "para candidatas",
        "para puestos", "para vagas", "voor kandidaten", "voor sollicitanten", "based in", "Denver", "the", "our", "team",
        "office", "é", "x", "_", "1", "-", ".", ",", "(", "\n", "\u00a0"};

    /** A random text of the words above, in lower, upper or title case, with the long s, the Kelvin sign or U+0130, some glued together. */
    private static String notTheJobText(java.util.Random r) {
        StringBuilder b = new StringBuilder();
        for (int n = 1 + r.nextInt(4), k = 0; k < n; k++) {
            String w = NOT_THE_JOB_WORDS[r.nextInt(NOT_THE_JOB_WORDS.length)];
            w = switch (r.nextInt(10)) {
                case 0 -> w.toUpperCase(java.util.Locale.ROOT);
                case 1 -> w.isEmpty() ? w : Character.toUpperCase(w.charAt(0)) + w.substring(1);
                case 2 -> w.replace('s', '\u017f').replace('k', '\u212a').replace('K', '\u212a');
                case 3 -> w.replace('i', '\u0130');
                default -> w;
            };
            b.append(k == 0 || r.nextInt(6) == 0 ? "" : r.nextInt(8) == 0 ? "\t" : " ").append(w);
        }
        return b.toString();
    }

    /**
     * The sentence test tried only where one of its first words stands gives what a search of the whole
     * sentence gives: random texts of its wordings in every language and words glued to them, in lower, upper
     * and title case, with the long s, the Kelvin sign and U+0130.
     */
    @Test
    void theSentenceTestTriedAtItsFirstWordsAgreesWithASearch() {
        java.util.Random r = new java.util.Random(13);
        int yes = 0;
        int no = 0;
        for (int i = 0; i < 30_000; i++) {
            String text = notTheJobText(r);
            boolean expected = ProsePlaces.notAboutTheJobBySearch(text);
            assertEquals(expected, ProsePlaces.notAboutTheJob(text), text);
            if (expected) {
                yes++;
            } else {
                no++;
            }
        }
        assertTrue(yes > 2_000 && no > 2_000, yes + " about something else, " + no + " not");
        for (String w : ProsePlaces.NOT_THE_JOB_STARTS) {
            assertEquals(dev.postinglint.core.regex.PolicyPattern.fold(w), w, "first words are folded");
        }
    }

    /** A text with its folded copy, for a literal index in these tests (a posting's text view in a lint). */
    private record Folded(String folded) implements dev.postinglint.core.regex.PolicyPattern.Text {
        @Override
        public int[] runs() {
            return new int[0];
        }
    }

    /**
     * The cue words' occurrences read from a policy's literal index (its automaton holding them beside other
     * literals, some sharing their starts and ends) give the same scan as the walk over the folded text, which
     * stays as the reference and the fallback: for every part, the cues tried, where each cue is tried and
     * what is found. An index without the cue words falls back to the walk.
     */
    @Test
    void aScanFromThePolicysIndexAgreesWithTheWalk() {
        java.util.Set<String> literals = new java.util.LinkedHashSet<>(ProsePlaces.cueWords());
        literals.addAll(List.of("remote work", "basis", "office hours", "network", "ork", "ased", "à distance", "hqs", "bureaucracy"));
        dev.postinglint.core.regex.PolicyMatcher withWords = dev.postinglint.core.regex.PolicyMatcher.of(List.of(), literals);
        dev.postinglint.core.regex.PolicyMatcher without = dev.postinglint.core.regex.PolicyMatcher.of(List.of(), List.of("remote work", "basis"));
        java.util.Random r = new java.util.Random(11);
        int starts = 0;
        for (int i = 0; i < 400; i++) {
            StringBuilder b = new StringBuilder();
            for (int p = 0, n = 1 + r.nextInt(6); p < n; p++) {
                b.append(sentence(r)).append(r.nextBoolean() ? ". " : "\n");
                if (r.nextInt(4) == 0) {
                    b.append("We work on a network of databases at the office; remotely, hq-based.\n");
                }
            }
            String text = b.toString();
            String folded = dev.postinglint.core.regex.PolicyPattern.fold(text);
            ProsePlaces.Scan walked = ProsePlaces.scan(text, folded);
            for (dev.postinglint.core.regex.PolicyMatcher m : List.of(withWords, without)) {
                ProsePlaces.Scan indexed = ProsePlaces.scan(text, m.index(new Folded(folded)));
                for (int k = 0; k < 6; k++) {
                    int from = k == 0 ? 0 : r.nextInt(text.length() + 1);
                    int to = k == 0 ? text.length() : from + r.nextInt(text.length() - from + 1);
                    assertEquals(walked.cuesIn(from, to), indexed.cuesIn(from, to), () -> "cues in '" + text.substring(from, to) + "'");
                    for (int c = 0; c < ProsePlaces.CUES.size(); c++) {
                        int[] expected = walked.startsOf(c, from, to);
                        starts += expected.length;
                        org.junit.jupiter.api.Assertions.assertArrayEquals(expected, indexed.startsOf(c, from, to), "starts of cue " + c);
                    }
                    assertEquals(walked.find(from, to, GazetteerTest.G), indexed.find(from, to, GazetteerTest.G));
                    assertEquals(walked.find(from, to, EU), indexed.find(from, to, EU));
                }
            }
        }
        assertTrue(starts > 1_000, "places where a cue was tried: " + starts);
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> dev.postinglint.core.regex.PolicyMatcher.of(List.of(), List.of("Based")), "the index compares folded text");
    }

    /**
     * Whether a cue may match a text (folded): it has no words, or the text holds one of them, and one of its
     * second list's when it has one. The scan's reference.
     */
    private static boolean mayOccur(ProsePlaces.Cue cue, String folded) {
        return (cue.words().isEmpty() || cue.words().stream().anyMatch(folded::contains))
                && (cue.also().isEmpty() || cue.also().stream().anyMatch(folded::contains));
    }
}
