package org.rendezvous.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SmsTextTest {

    @Test
    @DisplayName("GSM-7: 160 characters in one segment, then 153 per segment")
    void gsmSegments() {
        assertThat(SmsText.encoding("Bonjour à vous, c'est confirmé !")).isEqualTo(SmsText.Encoding.GSM_7);
        assertThat(SmsText.segments("a".repeat(160))).isEqualTo(1);
        assertThat(SmsText.segments("a".repeat(161))).isEqualTo(2);
        assertThat(SmsText.segments("a".repeat(306))).isEqualTo(2);
        assertThat(SmsText.segments("a".repeat(307))).isEqualTo(3);
    }

    @Test
    @DisplayName("GSM-7 extension characters (€ [ ] { } ~ ^ | \\) count double")
    void extensionCountsDouble() {
        assertThat(SmsText.encoding("€")).isEqualTo(SmsText.Encoding.GSM_7);
        assertThat(SmsText.units("60 €")).isEqualTo(5);
        assertThat(SmsText.segments("€".repeat(80))).isEqualTo(1);
        assertThat(SmsText.segments("€".repeat(81))).isEqualTo(2);
        assertThat(SmsText.segments("a".repeat(159) + "[")).isEqualTo(2);
    }

    @Test
    @DisplayName("UCS-2 as soon as one character is outside GSM-7: 70 characters, then 67 per segment")
    void ucs2Segments() {
        String ucs = "ê" + "a".repeat(69);
        assertThat(SmsText.encoding(ucs)).isEqualTo(SmsText.Encoding.UCS_2);
        assertThat(SmsText.segments(ucs)).isEqualTo(1);
        assertThat(SmsText.segments(ucs + "a")).isEqualTo(2);
        assertThat(SmsText.segments("ç" + "a".repeat(133))).isEqualTo(2);
        assertThat(SmsText.segments("ç" + "a".repeat(134))).isEqualTo(3);
        assertThat(SmsText.units("😀")).isEqualTo(2);
    }

    @Test
    @DisplayName("fit spells missing accents plainly when that saves segments")
    void fitTransliterates() {
        String text = "Votre rendez-vous à la fenêtre « très » bientôt, ça va être génial ; à mercredi prochain, "
                + "n'oubliez pas votre carte Vitale et l'ordonnance.";
        assertThat(SmsText.encoding(text)).isEqualTo(SmsText.Encoding.UCS_2);

        String fitted = SmsText.fit(text, 2);

        assertThat(SmsText.encoding(fitted)).isEqualTo(SmsText.Encoding.GSM_7);
        assertThat(fitted).contains("fenetre \" très \" bientot, ca va etre génial ; à mercredi");
        assertThat(SmsText.segments(fitted)).isEqualTo(1);
    }

    @Test
    @DisplayName("fit keeps a message within two segments, cutting it with an ellipsis")
    void fitShortens() {
        String gsm = "word ".repeat(100);
        String fitted = SmsText.fit(gsm, 2);
        assertThat(SmsText.segments(fitted)).isEqualTo(2);
        assertThat(fitted).endsWith("...").hasSizeLessThanOrEqualTo(306);

        String cyrillic = "Привет ".repeat(40);
        String fittedUcs = SmsText.fit(cyrillic, 2);
        assertThat(SmsText.encoding(fittedUcs)).isEqualTo(SmsText.Encoding.UCS_2);
        assertThat(SmsText.segments(fittedUcs)).isEqualTo(2);
        assertThat(fittedUcs).hasSizeLessThanOrEqualTo(134);

        assertThat(SmsText.fit("short", 1)).isEqualTo("short");
    }
}
