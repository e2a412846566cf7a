package org.rendezvous.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.rendezvous.core.contact.PhoneNumber;

class PhoneNumbersTest {

    @Test
    @DisplayName("BK-1 a French mobile typed nationally, or internationally in any spacing, becomes E.164")
    void frenchMobile() {
        for (String typed : new String[] {"06 12 34 56 78", "06.12.34.56.78", "+33 6 12 34 56 78", "0033612345678",
                "+33 (0)6 12 34 56 78"}) {
            assertThat(PhoneNumbers.normalise(typed, "FR")).as(typed)
                    .isEqualTo(new PhoneNumbers.Valid(PhoneNumber.of("+33612345678"), true));
        }
    }

    @Test
    @DisplayName("BK-1 a landline is valid but cannot receive SMS")
    void landline() {
        assertThat(PhoneNumbers.normalise("+44 20 7946 0958", "FR"))
                .isEqualTo(new PhoneNumbers.Valid(PhoneNumber.of("+442079460958"), false));
        assertThat(PhoneNumbers.normalise("01 42 68 53 00", "FR"))
                .isEqualTo(new PhoneNumbers.Valid(PhoneNumber.of("+33142685300"), false));
    }

    @Test
    @DisplayName("Bad input: a clear reason naming the field")
    void invalid() {
        assertThat(PhoneNumbers.normalise("", "FR")).isEqualTo(new PhoneNumbers.Invalid("phone: is required"));
        assertThat(PhoneNumbers.normalise("12345", "FR")).isInstanceOf(PhoneNumbers.Invalid.class);
        assertThat(PhoneNumbers.normalise("not a number", "FR"))
                .isEqualTo(new PhoneNumbers.Invalid("phone: not a phone number (not a number)"));
        assertThat(PhoneNumbers.normalise("06 12 34 56 78", null)).isInstanceOf(PhoneNumbers.Invalid.class);
        assertThat(((PhoneNumbers.Invalid) PhoneNumbers.normalise("+33 6 12", "FR")).reason()).startsWith("phone: ");
    }
}
