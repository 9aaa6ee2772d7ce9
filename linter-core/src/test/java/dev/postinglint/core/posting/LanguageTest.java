package dev.postinglint.core.posting;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LanguageTest {
    @Test
    void tellsTheListedLanguagesApart() {
        assertEquals("en", Language.detect("We are looking for an engineer who will work with our team on the platform and you will own it."));
        assertEquals("fr", Language.detect("Nous recherchons un développeur pour notre équipe. Vous travaillerez avec les clients et les partenaires dans un environnement stimulant."));
        assertEquals("de", Language.detect("Wir suchen ab sofort eine Softwareentwicklerin für unser Team in Berlin. Du arbeitest mit den Kunden und bist für die Plattform verantwortlich."));
        assertEquals("es", Language.detect("Buscamos una persona para nuestro equipo de ventas en Madrid. Serás responsable de las cuentas y trabajarás con los clientes del sector."));
        assertEquals("pt", Language.detect("Procuramos uma pessoa para a nossa equipa em Lisboa. Você será responsável pelo atendimento aos clientes e pela gestão das contas."));
        assertEquals("nl", Language.detect("Wij zoeken een ontwikkelaar voor ons team in Amsterdam. Je werkt samen met de klanten en bent verantwoordelijk voor het platform."));
        assertEquals("it", Language.detect("Siamo una società in crescita e stiamo cercando un nuovo sviluppatore per il nostro team di Milano con esperienza nella gestione dei clienti."));
    }

    /** Start-up does not search for a perfect hash: the constant still gives each function word a slot of its own. */
    @Test
    void theFunctionWordTableUsesItsConstantMultiplier() {
        assertEquals(Language.perfectMultiplier(), Language.multiplier(),
                "the function word lists changed: set PERFECT_MULTIPLIER to 0x" + Long.toHexString(Language.multiplier()) + "L");
    }

    @Test
    void aBilingualPostingGetsItsMainLanguage() {
        String fr = "Nous recherchons un analyste pour notre équipe. Vous travaillerez avec les gestionnaires et les clients sur des projets de données. ";
        assertEquals("fr", Language.detect(fr + fr + "This posting is also available in English."));
    }

    @Test
    void fragmentsAndOtherScripts() {
        assertEquals(Language.UNDETERMINED, Language.detect("Apply now!"));
        assertEquals(Language.UNDETERMINED, Language.detect(""));
        assertEquals(Language.OTHER, Language.detect("この求人は東京オフィスのソフトウェアエンジニアの募集です。私たちは新しい仲間を探しています。"));
        assertEquals(Language.OTHER, Language.detect("Мы ищем инженера в нашу команду в Москве для работы с клиентами и партнёрами компании."));
    }

    /**
     * The table look-up on lower-cased characters gives what the former detector gave, which made each
     * word a string and lower-cased it with {@code toLowerCase(Locale.ROOT)} (kept below as the
     * reference): on random texts of function words in mixed case, other words, accented letters, other
     * scripts, and the characters whose string lower case is special (U+0130, capital sigma).
     */
    @Test
    void sameAsLowerCasingEachWordAsAString() {
        List<String> pieces = new ArrayList<>();
        REFERENCE_WORDS.values().forEach(pieces::addAll);
        pieces.addAll(List.of("\u0130", "\u0130n", "D\u0130E", "\u03a3", "\u03a3\u03b1", "Stra\u00dfe", "\u00c9T\u00c9", "\u00e9", "engineering",
                "Entwicklungsumgebungen", "\u0434\u0430", "\u6771\u4eac", "\ud83d\ude00", "x", "I", "\u00e0", "\u00c8", "caf\u00e9", "\u017e\u00e9",
                // characters whose lower case is a function word's letter (the Kelvin sign: "ook"), or outside the packed range
                "oo\u212a", "\u212a", "\u1e9e", "d\u0250", "\u0100\u0101"));
        String[] gaps = {" ", "  ", ", ", ".\n", "-", "\u00a0", "'", "\u2019", "1", ""};
        Random random = new Random(16);
        for (int t = 0; t < 2_000; t++) {
            StringBuilder text = new StringBuilder();
            int words = random.nextInt(120);
            for (int i = 0; i < words; i++) {
                String w = pieces.get(random.nextInt(pieces.size()));
                switch (random.nextInt(4)) {
                    case 0 -> w = w.toUpperCase(Locale.ROOT);
                    case 1 -> w = w.isEmpty() ? w : Character.toUpperCase(w.charAt(0)) + w.substring(1);
                    default -> { }
                }
                text.append(w).append(gaps[random.nextInt(gaps.length)]);
            }
            String s = text.toString();
            assertEquals(reference(s), Language.detect(s), s);
        }
    }

    // The same data as the detector; the reference differs only in how it looks words up.
    private static final Map<String, List<String>> REFERENCE_WORDS = Language.WORDS;
    private static final List<String> REFERENCE_ORDER = Language.ORDER;

    /** The detector as it was before the table look-up. */
    private static String reference(CharSequence text) {
        Map<String, int[]> byWord = new HashMap<>();
        Map<String, List<String>> tmp = new HashMap<>();
        REFERENCE_WORDS.forEach((lang, ws) -> ws.forEach(w -> tmp.computeIfAbsent(w, k -> new ArrayList<>()).add(lang)));
        int longest = 0;
        for (Map.Entry<String, List<String>> e : tmp.entrySet()) {
            byWord.put(e.getKey(), e.getValue().stream().mapToInt(REFERENCE_ORDER::indexOf).toArray());
            longest = Math.max(longest, e.getKey().length());
        }
        double[] score = new double[REFERENCE_ORDER.size()];
        int words = 0;
        int hits = 0;
        int latin = 0;
        int otherScript = 0;
        int n = text.length();
        StringBuilder w = new StringBuilder();
        for (int i = 0; i <= n; i++) {
            char c = i < n ? text.charAt(i) : ' ';
            if (c < 0x80 ? (c | 0x20) >= 'a' && (c | 0x20) <= 'z' : Character.isLetter(c)) {
                w.append(c);
                if (c < 0x80 || Character.UnicodeScript.of(c) == Character.UnicodeScript.LATIN) {
                    latin++;
                } else {
                    otherScript++;
                }
            } else if (w.length() > 0) {
                words++;
                int[] langs = w.length() > longest ? null : byWord.get(w.toString().toLowerCase(Locale.ROOT));
                if (langs != null) {
                    hits++;
                    for (int l : langs) {
                        score[l] += 1.0 / langs.length;
                    }
                }
                w.setLength(0);
            }
        }
        if (otherScript > latin) {
            return Language.OTHER;
        }
        if (hits < 3) {
            return words >= 40 ? Language.OTHER : Language.UNDETERMINED;
        }
        if (words >= 40 && hits * 20 < words) {
            return Language.OTHER;
        }
        String best = null;
        double top = -1;
        for (int l = 0; l < score.length; l++) {
            if (score[l] > top) {
                top = score[l];
                best = REFERENCE_ORDER.get(l);
            }
        }
        return best;
    }
}
