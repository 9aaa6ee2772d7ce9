package dev.postinglint.core.jurisdiction;

import dev.postinglint.core.regex.PolicyPattern;
import dev.postinglint.core.text.SortedInts;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Places named in sentences that say where the job is, for a posting with no location line or
 * board location: "based in Denver, CO", "located in Berlin, Germany", "HQ offices in Boulder,
 * Colorado", "work from our Denver office", "a Denver-based role", "remote anywhere in the US".
 * Precision over recall: the place must resolve in the gazetteer (a city only with its region or
 * country, or a region or country by name; a bare city only where an office or "-based role" word
 * ties it to the job), and a sentence is skipped when it lists several places ("offices in London,
 * New York and Tokyo": which one is the job's cannot be told) or is about customers, events or the
 * company's history ("clients based in Texas", "founded in Boulder, Colorado", "serving Colorado").
 *
 * <p>Postings in French, German, Spanish, Portuguese and Dutch name their place in their own words:
 * "poste basé à Paris", "in unserem Büro in Berlin", "con sede en Madrid", "localizado em Lisboa",
 * "gevestigd in Amsterdam", "télétravail depuis la France". These wordings name a place and nothing
 * else, so a bare city counts after them (the English "based in Portland" does not); the same
 * exclusions apply in each language ("clients basés à Lyon", "gegründet in Berlin", "si vous êtes
 * basé à Paris"), and a list is told by that language's "and" and "or" ("à Paris et Lyon").
 */
public final class ProsePlaces {
    /** One place found in the text: where it stands and the value to resolve ("Boulder, Colorado", "Remote - US"). */
    public record Mention(int start, int end, String value) {
    }

    private static final String WORD = "\\p{Lu}[\\p{L}.'’]*(?:-\\p{Lu}[\\p{L}.'’]*)?";
    /** Capitalised words, then up to two comma-separated parts: "Boulder, Colorado", "San Francisco, CA, USA". */
    private static final String PLACE = "(?<place>" + WORD + "(?:\\s" + WORD + "){0,3}(?:,\\s*" + WORD + "(?:\\s" + WORD + "){0,2}){0,2})";
    /** Another place right after the one found: a list of offices, not the job's place. */
    private static final Pattern LIST_AFTER = Pattern.compile("^\\s*(?i:(?:office|hq|headquarters|hub|campus)\\s*)?(?:,|;|/|&|\\band\\b|\\bor\\b|\\bas\\s+well\\s+as\\b)\\s*(?:(?:and|or)\\s+)?(?:the\\s+|our\\s+)?\\p{Lu}");
    /** Another place after the one found, per language ("à Paris et Lyon", "in Berlin und München"). */
    private static final Pattern ROMANCE_FR = listAfter("et|ou");
    private static final Pattern GERMAN = listAfter("und|oder|sowie");
    private static final Pattern SPANISH = listAfter("y|e|o|u");
    private static final Pattern PORTUGUESE = listAfter("e|ou");
    private static final Pattern DUTCH = listAfter("en|of");
    /** Where a word starts: Java's \\b is ASCII-only from Java 19 on, and these words may start with "é" or "à". */
    private static final String NOT_AFTER_LETTER = "(?<!\\p{L})";
    private static final String OFFICE = "(?i:office|hq|headquarters|head\\s+office|hub|campus|studio)\\b";
    static final List<Cue> CUES = List.of(
            // "based in our Denver office", "work from our Boulder HQ": the office word ties a bare city to the job.
            new Cue(Pattern.compile("\\b(?i:(?:based|located|situated|work(?:ing)?)\\s+(?:in|at|from|out\\s+of)\\s+(?:our|the)\\s+)" + PLACE
                    + "\\s+" + OFFICE), true, false).needs("based", "located", "situated", "work").startsWith("based", "located", "situated", "work")
                    .alsoNeeds("office", "hq", "headquarters", "hub", "campus", "studio"),
            // "based in Boulder, Colorado", "located in Berlin, Germany"; not "headquartered in" (the company's seat).
            new Cue(Pattern.compile("\\b(?i:(?:based|located|situated)\\s+(?:in|at|out\\s+of)\\s+(?:the\\s+)?)" + PLACE), false, false).needs("based", "located", "situated").startsWith("based", "located", "situated"),
            // "(HQ) offices in Boulder, Colorado", "our office in Denver, CO", "HQ in Austin, TX".
            new Cue(Pattern.compile("\\b(?i:(?:offices?|hq|headquarters|head\\s+office)\\s+(?:in|at)\\s+(?:the\\s+)?)" + PLACE), false, false).needs("office", "hq", "headquarters").startsWith("office", "hq", "headquarters", "head"),
            // "a Denver-based role".
            new Cue(Pattern.compile("\\b" + PLACE + "-based\\s+(?i:role|position|job|opportunity)\\b"), true, false).needs("-based"),
            // "remote (anywhere) in the US", "fully remote across the United States", "work remotely from anywhere in Canada".
            new Cue(Pattern.compile("\\b(?i:remote(?:ly)?(?:\\s+(?:position|role|job|opportunity|work))?(?:\\s+from)?(?:\\s+anywhere)?\\s+"
                    + "(?:in|across|within|throughout)\\s+(?:the\\s+)?)" + PLACE), false, true).needs("remote").startsWith("remote"),
            // French: "poste basé à Paris", "situé en France", "nos bureaux à Lyon", "notre bureau de Montréal".
            new Cue(Pattern.compile(NOT_AFTER_LETTER + "(?iu:(?:bas[ée]e?s?|situ[ée]e?s?|localis[ée]e?s?|implant[ée]e?s?)\\s+(?:à|a|au|aux|en)\\s+(?:la\\s+|le\\s+|l['’])?)"
                    + PLACE), true, false, ROMANCE_FR).needs("bas", "situ", "localis", "implant").startsWith("bas", "situ", "localis", "implant"),
            new Cue(Pattern.compile(NOT_AFTER_LETTER + "(?iu:(?:nos|notre|nouveaux?|nos\\s+nouveaux)\\s+(?:bureaux?|locaux)\\s+(?:de|à|a|d['’]|au)\\s*)" + PLACE), true, false, ROMANCE_FR).needs("bureau", "locaux").startsWith("nos", "notre", "nouveau"),
            // "(full) télétravail depuis la France", "100% à distance en France".
            new Cue(Pattern.compile(NOT_AFTER_LETTER + "(?iu:(?:t[ée]l[ée]travail|full[\\s-]remote|remote|à\\s+distance)(?:\\s+(?:complet|total|possible))?\\s+(?:depuis|en|dans)\\s+"
                    + "(?:toute\\s+la\\s+|tout\\s+le\\s+|la\\s+|le\\s+|l['’])?)" + PLACE), false, true, ROMANCE_FR).needs("travail", "remote", "distance").startsWith("tél", "tel", "full", "remote", "à ", "à\t", "à\n", "à\u000b", "à\f", "à\r"),
            // German: "mit Sitz in Berlin", "in unserem Büro in München", "am Standort Hamburg", "Arbeitsort ist Köln".
            new Cue(Pattern.compile(NOT_AFTER_LETTER + "(?iu:(?:mit\\s+)?Sitz\\s+in\\s+|(?:in|an)\\s+unser(?:em|en|er)\\s+(?:Büro|Office|Standort|Standorten|Niederlassung)\\s+in\\s+"
                    + "|am\\s+Standort,?\\s+(?:in\\s+)?|Arbeitsort(?:\\s+ist)?:?\\s+)" + PLACE), true, false, GERMAN).needs("sitz", "unser", "standort", "arbeitsort"),
            // "remote in ganz Deutschland", "Homeoffice innerhalb Deutschlands" is not read (a genitive).
            new Cue(Pattern.compile(NOT_AFTER_LETTER + "(?iu:(?:remote|mobil|Homeoffice|Home-Office)\\s+(?:in|aus|innerhalb)\\s+(?:ganz\\s+)?(?:der\\s+)?)" + PLACE), false, true, GERMAN).needs("remote", "mobil", "homeoffice", "home-office").startsWith("remote", "mobil", "homeoffice", "home-office"),
            // Spanish: "con sede en Madrid", "ubicado en Barcelona", "nuestra oficina de Valencia".
            new Cue(Pattern.compile(NOT_AFTER_LETTER + "(?iu:(?:con\\s+sede|ubicad[oa]s?|situad[oa]s?|basad[oa]s?|localizad[oa]s?)\\s+en\\s+)" + PLACE), true, false, SPANISH).needs("sede", "ubicad", "situad", "basad", "localizad"),
            new Cue(Pattern.compile(NOT_AFTER_LETTER + "(?iu:(?:nuestras?|la|las)\\s+oficinas?\\s+(?:de|en)\\s+)" + PLACE), true, false, SPANISH).needs("oficina"),
            new Cue(Pattern.compile(NOT_AFTER_LETTER + "(?iu:(?:en\\s+)?(?:remoto|teletrabajo)\\s+(?:desde|en)\\s+(?:cualquier\\s+(?:lugar|parte)\\s+de\\s+|toda\\s+)?)" + PLACE), false, true, SPANISH).needs("remoto", "teletrabajo"),
            // Portuguese: "localizado em Lisboa", "baseado no Porto", "no nosso escritório de Braga".
            new Cue(Pattern.compile(NOT_AFTER_LETTER + "(?iu:(?:localizad[oa]s?|basead[oa]s?|sediad[oa]s?|situad[oa]s?)\\s+(?:em|no|na)\\s+)" + PLACE), true, false, PORTUGUESE).needs("localizad", "basead", "sediad", "situad").startsWith("localizad", "basead", "sediad", "situad"),
            new Cue(Pattern.compile(NOT_AFTER_LETTER + "(?iu:(?:nosso|nossos)\\s+escrit[óo]rios?\\s+(?:em|de|do|no|na)\\s+)" + PLACE), true, false, PORTUGUESE).needs("escrit"),
            new Cue(Pattern.compile(NOT_AFTER_LETTER + "(?iu:(?:remoto|remota|teletrabalho)\\s+(?:em|de\\s+qualquer\\s+lugar\\s+d[oea]|em\\s+tod[oa]\\s+[oa])\\s+)" + PLACE), false, true, PORTUGUESE).needs("remot", "teletrabalho").startsWith("remot", "teletrabalho"),
            // Dutch: "gevestigd in (het centrum van) Amsterdam", "we zitten in Utrecht", "(ons) kantoor in Utrecht",
            // "een bureau in Utrecht", "standplaats Rotterdam".
            new Cue(Pattern.compile(NOT_AFTER_LETTER + "(?iu:(?:(?:gevestigd|gelegen|gebaseerd|zitten|zit)\\s+in|(?:kantoor|kantoren|vestiging|bureau)\\s+in)"
                    + "\\s+(?:het\\s+centrum\\s+van\\s+|hartje\\s+)?|standplaats:?\\s+)" + PLACE), true, false, DUTCH).needs("gevestigd", "gelegen", "gebaseerd", "zit", "kantoor", "kantoren", "vestiging", "bureau", "standplaats").startsWith("gevestigd", "gelegen", "gebaseerd", "zit", "kantoor", "kantoren", "vestiging", "bureau", "standplaats"),
            new Cue(Pattern.compile(NOT_AFTER_LETTER + "(?iu:(?:remote|op\\s+afstand|thuiswerken)\\s+(?:in|vanuit|binnen)\\s+(?:heel\\s+)?)" + PLACE), false, true, DUTCH).needs("remote", "afstand", "thuiswerken").startsWith("remote", "op", "thuiswerken"));
    /** A sentence about someone or something other than the job: customers, partners, events, history. */
    private static final Pattern NOT_THE_JOB = Pattern.compile("(?i)\\b(?:clients?|customers?|partners?|vendors?|suppliers?|"
            + "serv(?:e|es|ed|ing)|patients?|students?|users?|members?|communit(?:y|ies)|schools?|hospitals?|founded|established|"
            + "since|conferences?|events?|summit|held|hosted|meetups?|acquired|opened|launched|expand(?:ed|ing)|formerly|previously|"
            + "headquartered|investors?|backed|expansion|employees|residents?|notices?|privacy)\\b"
            // A condition or a pay label, not the job's place: "If you are based in California, read this notice",
            // "For candidates located in Denver, CO, the range is ...".
            + "|(?i)\\bif\\s+you\\b|\\bfor\\s+(?:candidates|applicants|those|people|anyone|roles|positions|hires)\\b"
            // The same in French, German, Spanish, Portuguese and Dutch.
            + "|(?iu)(?<!\\p{L})(?:clients?|clientes?|klanten|Kunden|partenaires|parceiros|socios|fond[ée]e?s?|cr[ée]{2}e?s?\\s+en|gegründet|fundad[oa]s?|opgericht|seit|sinds|"
            + "[ée]v[ée]nements?|Veranstaltung(?:en)?|eventos?|evenement(?:en)?|si[èe]ge\\s+social|Hauptsitz|sede\\s+central|hoofdkantoor|"
            + "si\\s+vous|wenn\\s+(?:du|Sie)|falls|si\\s+(?:eres|est[áa]s|usted)|se\\s+(?:voc[êe]|estiver)|als\\s+je|indien|"
            + "pour\\s+les\\s+(?:candidat(?:e|s|es)?|postes)|für\\s+(?:Bewerber(?:innen)?|Stellen)|para\\s+(?:candidat(?:o|a|os|as)|puestos|vagas)|voor\\s+(?:kandidaten|sollicitanten))(?!\\p{L})");
    /**
     * Words (folded) one of which every match of {@link #NOT_THE_JOB} starts with, each alternative's first
     * word: a sentence is tried only where one stands ({@link #notAboutTheJob}), instead of by a search that
     * tries each of the pattern's many alternatives at every position. Speed only (ProsePlacesTest holds the
     * two ways to the same answers).
     */
    static final List<String> NOT_THE_JOB_STARTS = List.of("client", "customer", "partner", "vendor", "supplier", "serv",
            "patient", "student", "user", "member", "communit", "school", "hospital", "founded", "established", "since",
            "conference", "event", "summit", "held", "hosted", "meetup", "acquired", "opened", "launched", "expand", "expansion",
            "formerly", "previously", "headquartered", "investor", "backed", "employees", "resident", "notice", "privacy",
            "if", "for",
            "klanten", "kunden", "partenaire", "parceiro", "socios", "fond", "cr", "gegründet", "fundad", "opgericht", "seit",
            "sinds", "év", "ev", "veranstaltung", "si", "hauptsitz", "sede", "hoofdkantoor", "wenn", "falls", "se", "als",
            "indien", "pour", "für", "para", "voor");
    /** {@link #NOT_THE_JOB_STARTS} without a word that another of them begins ("event" after "ev"): each place is tried once. */
    private static final List<String> NOT_THE_JOB_PLACES = NOT_THE_JOB_STARTS.stream()
            .filter(w -> NOT_THE_JOB_STARTS.stream().noneMatch(v -> v.length() < w.length() && w.startsWith(v))).toList();
    private static final Pattern LIST_BEFORE = Pattern.compile("\\p{L}\\s*(?:,|;|/|&|\\band|\\bor)\\s*$");

    private static final Pattern REMOTE = Pattern.compile("(?i)\\bremote(?:ly)?\\b");
    /** Compiled once: String.split compiles a pattern of more than one character on every call. */
    private static final Pattern SPACES = Pattern.compile("\\s+");

    /** A wording that names the job's place; {@code listAfter} tells a list after the place in its language. */
    record Cue(Pattern pattern, boolean bareCity, boolean remote, Pattern listAfter, List<String> words, List<String> starts,
            List<String> also) {
        Cue(Pattern pattern, boolean bareCity, boolean remote) {
            this(pattern, bareCity, remote, LIST_AFTER);
        }

        Cue(Pattern pattern, boolean bareCity, boolean remote, Pattern listAfter) {
            this(pattern, bareCity, remote, listAfter, List.of(), List.of(), List.of());
        }

        /**
         * The cue with words (lower case) one of which every match of it contains: a text without any
         * of them, compared {@linkplain PolicyPattern#fold folded} (as (?iu) compares characters: the lower
         * case of the upper case), is not searched. Speed only: each of these cues scans every block of
         * every posting without a location (ProsePlacesTest checks the words against the patterns).
         */
        Cue needs(String... required) {
            return new Cue(pattern, bareCity, remote, listAfter, List.of(required), starts, also);
        }

        /**
         * The cue with words (folded, two characters or more) one of which every match of it starts
         * with: the cue is then tried only where they stand, each time for a match starting right
         * there, instead of by a search that tries every position of the text. Speed only
         * (ProsePlacesTest checks them against the patterns); empty when the cue is searched.
         */
        Cue startsWith(String... first) {
            return new Cue(pattern, bareCity, remote, listAfter, words, List.of(first), also);
        }

        /**
         * The cue with a second list of words (folded), one of which every match of it also contains: a part
         * of the text is tried only when it holds one of {@link #words} and one of these. Speed only: the
         * "work" of "work from our Denver office" stands in most postings' paragraphs, an office word in few
         * (ProsePlacesTest checks the words against the patterns).
         */
        Cue alsoNeeds(String... required) {
            return new Cue(pattern, bareCity, remote, listAfter, words, starts, List.of(required));
        }

        /** The English cues; the others name the place right after their own words, so no list can come before it. */
        boolean english() {
            return listAfter == LIST_AFTER;
        }
    }

    private static Pattern listAfter(String conjunctions) {
        return Pattern.compile("^\\s*(?:,|;|/|&|\\b(?:" + conjunctions + ")\\b)\\s*(?:\\p{Ll}{1,3}\\s+)?\\p{Lu}");
    }

    private ProsePlaces() {
    }

    /** The places in {@code text} that its sentences give as the job's, in order, each once. */
    public static List<Mention> find(String text, Gazetteer gazetteer) {
        return scan(text).find(0, text.length(), gazetteer);
    }

    /**
     * What {@link #find(String, Gazetteer)} gives, with every cue searched by {@link Matcher#find()} over
     * the whole text rather than tried where its first words stand: the reference the tests hold the
     * speed-up to.
     */
    static List<Mention> findBySearch(String text, Gazetteer gazetteer) {
        Scan scan = scan(text);
        long mask = scan.cuesIn(0, text.length());
        return mask == 0 ? List.of() : find(text, mask, scan, 0, gazetteer, false);
    }

    /**
     * The cue words of every cue found in {@code text} (a posting's whole text view) in one pass, for
     * {@link Scan#find} over its parts (the posting's blocks): a part none of whose cues' words occur in
     * is not searched at all, and only the cues whose words it holds are matched against it.
     */
    public static Scan scan(String text) {
        return new Scan(text, PolicyPattern.fold(text));
    }

    /** {@link #scan(String)} with the text's {@linkplain PolicyPattern#fold folded} copy already made (a text view keeps one). */
    public static Scan scan(String text, String folded) {
        if (folded.length() != text.length()) {
            throw new IllegalArgumentException("the folded text is not the text's");
        }
        return new Scan(text, folded);
    }

    /**
     * Every word the cues need or start with, {@linkplain PolicyPattern#fold folded}: a policy that reads
     * places from prose gives them to its {@code PolicyMatcher}, whose one pass over each posting then finds
     * them with the rules' literals ({@link #scan(String, PolicyPattern.Text)}).
     */
    public static java.util.Set<String> cueWords() {
        java.util.Set<String> out = new java.util.LinkedHashSet<>();
        for (CueWord w : CUE_WORDS) {
            out.add(w.word());
        }
        return java.util.Collections.unmodifiableSet(out);
    }

    /**
     * {@link #scan(String, String)} with the cue words' occurrences read from {@code indexed} (the posting's
     * literal index, which the policy's automaton filled in its one pass over the text) instead of found by a
     * walk of their own; walks the folded text when the index does not hold every {@link #cueWords() cue word}
     * (a policy whose matcher was built without them).
     */
    public static Scan scan(String text, PolicyPattern.Text indexed) {
        String folded = indexed.folded();
        if (folded.length() != text.length()) {
            throw new IllegalArgumentException("the folded text is not the text's");
        }
        int[][] occurrences = new int[CUE_WORDS.size()][];
        int total = 0;
        for (int w = 0; w < occurrences.length; w++) {
            occurrences[w] = indexed.occurrences(CUE_WORDS.get(w).word());
            if (occurrences[w] == null) {
                return new Scan(text, folded);
            }
            total += occurrences[w].length;
        }
        return new Scan(text, occurrences, total);
    }

    /**
     * Where the cues' words occur in one text, compared {@linkplain PolicyPattern#fold folded}: for a part
     * of the text, the cues it may hold are exactly those one of whose {@link Cue#words} the part's
     * folded text contains (or that have none), found by one walk over the whole text instead of one {@code contains} per
     * word, per cue and per part; and where the words that start a cue's matches ({@link Cue#starts}) stand.
     */
    public static final class Scan {
        private final String text;
        private int[] starts = new int[16];
        private int[] ends = new int[16];
        private long[] needs = new long[16];
        private long[] begins = new long[16];
        private long[] alsos = new long[16];
        private int count;

        /** From each cue word's occurrences (sorted starts, per {@link #CUE_WORDS} index), {@code total} in all. */
        private Scan(String text, int[][] occurrences, int total) {
            this.text = text;
            // In order of start, as the walk adds them (words starting at the same place in any order: cuesIn
            // joins their bits, startsOf gives each place once).
            long[] keyed = new long[total];
            int k = 0;
            for (int w = 0; w < occurrences.length; w++) {
                for (int at : occurrences[w]) {
                    keyed[k++] = (long) at << 16 | w;
                }
            }
            java.util.Arrays.sort(keyed);
            for (long key : keyed) {
                CueWord w = CUE_WORDS.get((int) (key & 0xffff));
                int at = (int) (key >>> 16);
                add(at, at + w.word().length(), w.needs(), w.starts(), w.also());
            }
        }

        private Scan(String text, String folded) {
            this.text = text;
            int n = folded.length();
            char c1 = n == 0 ? 0 : folded.charAt(0);
            for (int i = 0; i + 1 < n; i++) {
                char c0 = c1;
                c1 = folded.charAt(i + 1);
                int k = key(c0, c1);
                // Most pairs start no cue word: a bit in a table that stays in the cache says so.
                if ((HAS_WORDS[k >>> 6] & 1L << k) == 0) {
                    continue;
                }
                KeyWords kw = WORD_TABLE[k];
                // Frequent pairs ("th", "re", "te") start a word only with the right third character.
                if (i + 2 < n && (kw.thirds() & 1L << folded.charAt(i + 2)) == 0) {
                    continue;
                }
                for (CueWord w : kw.words()) {
                    if (folded.startsWith(w.word(), i)) {
                        add(i, i + w.word().length(), w.needs(), w.starts(), w.also());
                    }
                }
            }
        }

        private void add(int start, int end, long need, long begin, long second) {
            if (count == starts.length) {
                starts = java.util.Arrays.copyOf(starts, count * 2);
                ends = java.util.Arrays.copyOf(ends, count * 2);
                needs = java.util.Arrays.copyOf(needs, count * 2);
                begins = java.util.Arrays.copyOf(begins, count * 2);
                alsos = java.util.Arrays.copyOf(alsos, count * 2);
            }
            starts[count] = start;
            ends[count] = end;
            needs[count] = need;
            begins[count] = begin;
            alsos[count] = second;
            count++;
        }

        /** The first word occurrence starting at or after {@code start} (occurrences are in order of start). */
        private int firstAtOrAfter(int start) {
            return SortedInts.firstAtOrAfter(starts, count, start);
        }

        /**
         * The cues (bit {@code i} for {@code CUES.get(i)}) one of whose words lies wholly inside {@code [start, end)},
         * and for a cue with a second list ({@link Cue#also}), one of those too.
         */
        long cuesIn(int start, int end) {
            long mask = 0;
            long second = NO_SECOND_WORDS;
            for (int k = firstAtOrAfter(start); k < count && starts[k] < end; k++) {
                if (ends[k] <= end) {
                    mask |= needs[k];
                    second |= alsos[k];
                }
            }
            return mask & second;
        }

        /**
         * The places that the sentences of {@code text[start, end)} give as the job's, in order, each
         * once, with positions relative to {@code start}: the same as {@code ProsePlaces.find} of that part.
         */
        public List<Mention> find(int start, int end, Gazetteer gazetteer) {
            long mask = cuesIn(start, end);
            return mask == 0 ? List.of() : ProsePlaces.find(text.substring(start, end), mask, this, start, gazetteer, true);
        }

        /** Where a word that starts cue {@code c}'s matches stands inside {@code [start, end)}, relative to start, ascending. */
        int[] startsOf(int c, int start, int end) {
            int[] out = new int[4];
            int n = 0;
            for (int k = firstAtOrAfter(start); k < count && starts[k] < end; k++) {
                if ((begins[k] & (1L << c)) != 0 && ends[k] <= end && (n == 0 || out[n - 1] != starts[k] - start)) {
                    if (n == out.length) {
                        out = java.util.Arrays.copyOf(out, n * 2);
                    }
                    out[n++] = starts[k] - start;
                }
            }
            return java.util.Arrays.copyOf(out, n);
        }
    }

    /**
     * A cue word, the cues that need it ({@link Cue#words}), those whose matches it may start ({@link Cue#starts})
     * and those that also need it ({@link Cue#also}), as bits of {@code CUES} indexes.
     */
    private record CueWord(String word, long needs, long starts, long also) {
    }

    /** The cues without a second list of words ({@link Cue#also}), as bits of {@code CUES} indexes. */
    private static final long NO_SECOND_WORDS = noSecondWords();

    private static long noSecondWords() {
        long bits = 0;
        for (int c = 0; c < CUES.size(); c++) {
            bits |= CUES.get(c).also().isEmpty() ? 1L << c : 0;
        }
        return bits;
    }

    /**
     * The cue words of one {@link #key}; {@code thirds}: bit {@code c & 63} for the third character
     * {@code c} of each (every bit for a word of two characters), a filter before the words are compared.
     */
    private record KeyWords(CueWord[] words, long thirds) {
    }

    /** Every cue word once, with the cues that need it and those it starts. */
    private static final List<CueWord> CUE_WORDS = cueWordList();
    /** The cue words by their first two (folded) characters ({@link #key}), checked in full where they match. */
    private static final KeyWords[] WORD_TABLE = wordTable();
    /** Bit {@code k} set where {@code WORD_TABLE[k]} holds words: 2 KB where the table takes 64. */
    private static final long[] HAS_WORDS = hasWords(WORD_TABLE);

    private static int key(char c0, char c1) {
        return (c0 & 0x7f) << 7 | (c1 & 0x7f);
    }

    private static List<CueWord> cueWordList() {
        if (CUES.size() > 64) {
            throw new IllegalStateException("more cues than bits in a long");
        }
        java.util.Map<String, long[]> masks = new java.util.LinkedHashMap<>();
        for (int c = 0; c < CUES.size(); c++) {
            Cue cue = CUES.get(c);
            if (cue.words().isEmpty()) {
                throw new IllegalStateException("cue " + c + " has no words to look for");
            }
            for (int kind = 0; kind < 3; kind++) {
                for (String w : kind == 0 ? cue.words() : kind == 1 ? cue.starts() : cue.also()) {
                    if (w.length() < 2 || !PolicyPattern.fold(w).equals(w)) {
                        throw new IllegalStateException("cue word '" + w + "' is not folded or shorter than two characters");
                    }
                    masks.computeIfAbsent(w, x -> new long[3])[kind] |= 1L << c;
                }
            }
        }
        List<CueWord> out = new ArrayList<>();
        masks.forEach((w, m) -> out.add(new CueWord(w, m[0], m[1], m[2])));
        return List.copyOf(out);
    }

    private static KeyWords[] wordTable() {
        KeyWords[] table = new KeyWords[128 * 128];
        for (CueWord cw : CUE_WORDS) {
            String w = cw.word();
            int k = key(w.charAt(0), w.charAt(1));
            KeyWords old = table[k] == null ? new KeyWords(new CueWord[0], 0) : table[k];
            CueWord[] grown = java.util.Arrays.copyOf(old.words(), old.words().length + 1);
            grown[old.words().length] = cw;
            table[k] = new KeyWords(grown, old.thirds() | (w.length() == 2 ? -1L : 1L << w.charAt(2)));
        }
        return table;
    }

    private static long[] hasWords(KeyWords[] table) {
        long[] bits = new long[table.length / 64];
        for (int k = 0; k < table.length; k++) {
            if (table[k] != null) {
                bits[k >>> 6] |= 1L << k;
            }
        }
        return bits;
    }

    /**
     * The places found in {@code text} (the part of the scanned text from {@code offset}) by the cues of
     * {@code mask}, in order, each once.
     */
    private static List<Mention> find(String text, long mask, Scan scan, int offset, Gazetteer gazetteer, boolean atStarts) {
        List<Mention> out = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        for (int c = 0; c < CUES.size(); c++) {
            if ((mask & (1L << c)) == 0) {
                continue;
            }
            Cue cue = CUES.get(c);
            Matcher m = cue.pattern().matcher(text);
            if (cue.starts().isEmpty() || !atStarts) {
                while (m.find()) {
                    take(m, cue, text, gazetteer, out, seen);
                }
                continue;
            }
            // Every match starts at one of the cue's first words: the leftmost match from a position is
            // the first of those places where one starts, which is what find() would reach. Lookbehinds
            // (\b, "not after a letter") see the text before the region.
            m.useTransparentBounds(true).useAnchoringBounds(false);
            int from = 0;
            for (int at : scan.startsOf(c, offset, offset + text.length())) {
                if (at < from) {
                    continue;
                }
                m.region(at, text.length());
                if (m.lookingAt()) {
                    from = m.end();
                    take(m, cue, text, gazetteer, out, seen);
                }
            }
        }
        out.sort(java.util.Comparator.comparingInt(Mention::start));
        return out;
    }

    /** The place of one match of a cue, added to {@code out} unless the sentence is not about the job or lists places. */
    private static void take(Matcher m, Cue cue, String text, Gazetteer gazetteer, List<Mention> out, List<String> seen) {
        int sentenceStart = sentenceStart(text, m.start());
        int sentenceEnd = sentenceEnd(text, m.end());
        if (notAboutTheJob(text.substring(sentenceStart, sentenceEnd))) {
            return;
        }
        String place = resolvable(m.group("place"), cue, gazetteer);
        if (place == null) {
            return;
        }
        int placeStart = m.start("place");
        int placeEnd = placeStart + place.length();
        if (cue.listAfter().matcher(text.substring(placeEnd, sentenceEnd)).find()
                || LIST_BEFORE.matcher(text.substring(sentenceStart, m.start())).find() && cue.bareCity() && cue.english()) {
            return;
        }
        // "This role will be remote (based in the U.S.)": a country in a sentence that says remote is open across it.
        boolean remote = cue.remote() || REMOTE.matcher(text.substring(sentenceStart, sentenceEnd)).find()
                && gazetteer.isCountry(place);
        String value = remote ? "Remote - " + place : place;
        if (!seen.contains(value)) {
            seen.add(value);
            out.add(new Mention(cue.remote() ? m.start() : placeStart, placeEnd, value));
        }
    }

    /**
     * Whether {@code NOT_THE_JOB.matcher(sentence).find()}: the pattern tried with {@code lookingAt} only where
     * one of its {@link #NOT_THE_JOB_STARTS first words} stands (compared folded, as its (?i) and (?iu) compare
     * characters), its lookbehinds seeing the text before the place; a match found by a search starts at one of
     * those places.
     */
    static boolean notAboutTheJob(String sentence) {
        String folded = PolicyPattern.fold(sentence);
        Matcher m = null;
        for (String w : NOT_THE_JOB_PLACES) {
            for (int at = folded.indexOf(w); at >= 0; at = folded.indexOf(w, at + 1)) {
                if (m == null) {
                    m = NOT_THE_JOB.matcher(sentence).useTransparentBounds(true).useAnchoringBounds(false);
                }
                m.region(at, sentence.length());
                if (m.lookingAt()) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The reference for {@link #notAboutTheJob}: a search of the whole sentence. */
    static boolean notAboutTheJobBySearch(String sentence) {
        return NOT_THE_JOB.matcher(sentence).find();
    }

    /**
     * The leading part of the candidate that names one place, or null: a city, region or country, then
     * only regions, countries or region codes after commas ("Boulder, Colorado", "Denver, CO, USA").
     * Words the gazetteer does not know end the place ("San Francisco, CA. We", "Los Angeles HQ"); a
     * city after a comma starts a list ("SF, NYC, Dublin"), which ends it too. A city with a region must
     * be in that region ("Atlanta, New York" is not a place).
     */
    private static String resolvable(String candidate, Cue cue, Gazetteer gazetteer) {
        String[] parts = candidate.split(",");
        List<String> kept = new ArrayList<>();
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i].strip();
            String known = longestKnownPrefix(part, i > 0, gazetteer);
            if (known == null) {
                break;
            }
            kept.add(known);
            if (!known.equals(part)) {
                break; // words after the place ("Los Angeles HQ", "CA. We")
            }
        }
        if (kept.isEmpty()) {
            return null;
        }
        String first = kept.get(0);
        if (kept.size() == 1 && !cue.bareCity() && !gazetteer.isRegionOrCountry(first)) {
            return null; // "based in Portland": a bare city only where an office word ties it to the job
        }
        String place = String.join(", ", kept);
        Jurisdictions j = gazetteer.resolve(place);
        if (j.isEmpty() || !j.unresolved().isEmpty()) {
            return null;
        }
        if (kept.size() > 1 && !gazetteer.isRegionOrCountry(first) && !gazetteer.holdsCity(first, j)) {
            return null;
        }
        // The value must be the text as written, so that the mention's span covers it.
        int at = candidate.indexOf(kept.get(kept.size() - 1), candidate.indexOf(first) + (kept.size() > 1 ? first.length() : 0));
        return candidate.substring(0, at + kept.get(kept.size() - 1).length());
    }

    /** The longest run of leading words of {@code part} that the gazetteer knows, without a final full stop, or null. */
    private static String longestKnownPrefix(String part, boolean afterComma, Gazetteer gazetteer) {
        String[] words = SPACES.split(part);
        for (int n = words.length; n >= 1; n--) {
            String s = String.join(" ", java.util.Arrays.copyOf(words, n));
            String bare = s.endsWith(".") && s.indexOf('.') == s.length() - 1 ? s.substring(0, s.length() - 1) : s;
            if (gazetteer.knows(bare, afterComma)) {
                return bare;
            }
            if (!bare.equals(s) && gazetteer.knows(s, afterComma)) {
                return s; // "U.S." keeps its dots
            }
        }
        return null;
    }

    private static int sentenceStart(String text, int from) {
        for (int i = from - 1; i >= 0; i--) {
            char c = text.charAt(i);
            if (c == '\n' || (c == '.' || c == '!' || c == '?') && i + 1 < text.length() && Character.isWhitespace(text.charAt(i + 1))) {
                return i + 1;
            }
        }
        return 0;
    }

    private static int sentenceEnd(String text, int from) {
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || (c == '.' || c == '!' || c == '?') && (i + 1 == text.length() || Character.isWhitespace(text.charAt(i + 1)))) {
                return i;
            }
        }
        return text.length();
    }
}
