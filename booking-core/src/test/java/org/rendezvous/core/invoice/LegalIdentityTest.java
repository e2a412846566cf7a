package org.rendezvous.core.invoice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.rendezvous.core.money.Percent;
import org.rendezvous.core.port.contract.InvoiceFixtures;
import org.rendezvous.core.practitioner.InvoiceImage;
import org.rendezvous.core.practitioner.LegalIdentity;
import org.rendezvous.core.practitioner.PaymentTerms;
import org.rendezvous.core.practitioner.Siret;
import org.rendezvous.core.practitioner.VatStatus;

/** INV-1: what a legal identity accepts, and how it refuses, naming the field. */
class LegalIdentityTest {

    @Test
    @DisplayName("INV-1 a SIRET is 14 digits with a valid Luhn checksum; spaces are dropped")
    void siretLuhn() {
        assertThat(Siret.of("732 829 320 00074").value()).isEqualTo("73282932000074");
        assertThat(Siret.of("73282932000074").siren()).isEqualTo("732829320");
        assertThatThrownBy(() -> Siret.of("73282932000075")).hasMessageStartingWith("siret: the checksum");
        assertThatThrownBy(() -> Siret.of("7328293200007")).hasMessageStartingWith("siret: must be 14 digits");
        assertThatThrownBy(() -> Siret.of("7328293200007A")).hasMessageStartingWith("siret: must be 14 digits");
    }

    @Test
    @DisplayName("INV-1 La Poste's establishments (SIREN 356000000) by their own rule: the sum of the digits is a multiple of 5")
    void siretLaPoste() {
        assertThat(Siret.of("35600000049837").siren()).isEqualTo(Siret.LA_POSTE_SIREN);
        assertThatThrownBy(() -> Siret.of("35600000000048")).as("Luhn-valid but not by La Poste's rule")
                .hasMessageStartingWith("siret:");
    }

    @Test
    @DisplayName("INV-1 an individual entrepreneur's name carries EI, added once when missing")
    void eiMention() {
        assertThat(InvoiceFixtures.exemptIdentity().displayName()).isEqualTo("Anna Martin EI");
        assertThat(with("Anna Martin EI", true).displayName()).isEqualTo("Anna Martin EI");
        assertThat(with("Anna Martin (entrepreneur individuel)", true).displayName())
                .isEqualTo("Anna Martin (entrepreneur individuel)");
        assertThat(with("Cabinet Martin SARL", false).displayName()).isEqualTo("Cabinet Martin SARL");
        assertThat(with("Reine Martin", true).displayName()).as("EI inside a word does not count")
                .isEqualTo("Reine Martin EI");
    }

    @Test
    @DisplayName("INV-1 the SIRET is optional; VAT needs a VAT number; every bad field is named")
    void badFields() {
        assertThat(new LegalIdentity("Anna", true, "1 rue", "69003", "Lyon", "fr", Optional.empty(), Optional.empty(),
                new VatStatus.Exempt(VatStatus.MEDICAL), PaymentTerms.onReceipt()).countryCode()).isEqualTo("FR");
        assertThatThrownBy(() -> new LegalIdentity("Anna", true, "1 rue", "69003", "Lyon", "FR", Optional.empty(),
                Optional.empty(), new VatStatus.Liable(Percent.of(20)), PaymentTerms.onReceipt()))
                .hasMessageStartingWith("vatNumber: required");
        assertThatThrownBy(() -> new LegalIdentity(" ", true, "1 rue", "69003", "Lyon", "FR", Optional.empty(),
                Optional.empty(), new VatStatus.Exempt(VatStatus.MEDICAL), PaymentTerms.onReceipt()))
                .hasMessageStartingWith("legalName:");
        assertThatThrownBy(() -> new LegalIdentity("Anna", true, "1 rue", "69003", "Lyon", "XX", Optional.empty(),
                Optional.empty(), new VatStatus.Exempt(VatStatus.MEDICAL), PaymentTerms.onReceipt()))
                .hasMessageStartingWith("countryCode:");
        assertThatThrownBy(() -> new VatStatus.Exempt(" ")).hasMessageStartingWith("vatExemptionMention:");
        assertThatThrownBy(() -> new PaymentTerms(61, Optional.empty())).hasMessageStartingWith("paymentDays:");
    }

    @Test
    @DisplayName("INV-1 logo and signature: JPEG or PNG by their bytes, at most 512 KB")
    void images() {
        assertThat(InvoiceImage.of("logo", InvoiceFixtures.PNG).mediaType()).isEqualTo("image/png");
        assertThat(InvoiceImage.of("logo", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0}).mediaType())
                .isEqualTo("image/jpeg");
        assertThatThrownBy(() -> InvoiceImage.of("signature", "GIF89a".getBytes()))
                .hasMessageStartingWith("signature: must be a JPEG or PNG");
        byte[] big = new byte[InvoiceImage.MAX_BYTES + 1];
        System.arraycopy(InvoiceFixtures.PNG, 0, big, 0, InvoiceFixtures.PNG.length);
        assertThatThrownBy(() -> InvoiceImage.of("logo", big)).hasMessageStartingWith("logo: at most 512 KB");
        assertThatThrownBy(() -> InvoiceImage.of("logo", new byte[0])).hasMessageStartingWith("logo: required");
    }

    private static LegalIdentity with(String name, boolean ei) {
        return new LegalIdentity(name, ei, "1 rue", "69003", "Lyon", "FR", Optional.empty(), Optional.empty(),
                new VatStatus.Exempt(VatStatus.FRANCHISE), PaymentTerms.onReceipt());
    }
}
