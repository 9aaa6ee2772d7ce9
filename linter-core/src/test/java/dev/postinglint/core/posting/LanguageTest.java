package dev.postinglint.core.posting;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
