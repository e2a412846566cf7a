package org.rendezvous.core.contact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ContactTest {

    @Test
    @DisplayName("BK-1 phone numbers are kept in E.164 after dropping separators and a 00 prefix")
    void phoneNormalisation() {
        assertThat(PhoneNumber.of("+33 6 12 34 56 78").value()).isEqualTo("+33612345678");
        assertThat(PhoneNumber.of("0033 (6) 12-34.56.78").value()).isEqualTo("+33612345678");
        assertThatThrownBy(() -> PhoneNumber.of("06 12 34 56 78")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("phone:");
        assertThatThrownBy(() -> PhoneNumber.of("+0123456789")).hasMessageStartingWith("phone:");
    }

    @Test
    @DisplayName("BK-1 e-mail addresses are trimmed, lower-cased and checked for their shape")
    void emailShape() {
        assertThat(EmailAddress.of("  Camille@Example.ORG ").value()).isEqualTo("camille@example.org");
        for (String bad : new String[] {"camille", "camille@", "@example.org", "a b@example.org", "a@b", "a@@b.org",
                "a..b@example.org"}) {
            assertThatThrownBy(() -> EmailAddress.of(bad)).as(bad).hasMessageStartingWith("email:");
        }
    }

    @Test
    @DisplayName("names are 1 to 200 characters without control characters")
    void names() {
        assertThat(PersonName.of("  Élodie Gauthier ").value()).isEqualTo("Élodie Gauthier");
        assertThatThrownBy(() -> PersonName.of(" ")).hasMessageStartingWith("name:");
        assertThatThrownBy(() -> PersonName.of("a\u0000b")).hasMessageStartingWith("name:");
        assertThatThrownBy(() -> PersonName.of("a\uDC00b")).hasMessage("name: must be valid Unicode text");
        assertThat(PersonName.of("Zoé \uD83D\uDE00").value()).isEqualTo("Zoé \uD83D\uDE00");
        assertThatThrownBy(() -> PersonName.of("a\uFDD0b")).hasMessage("name: must be valid Unicode text");
        assertThatThrownBy(() -> PersonName.of("a\nb")).hasMessage("name: must not contain control characters");
    }
}
