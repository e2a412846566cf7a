package org.rendezvous.invoices;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.rendezvous.core.contact.Language;
import org.rendezvous.core.money.Money;
import org.rendezvous.core.money.Percent;

/** What an invoice says, in French or in English, and how it writes amounts, dates and rates. */
record Labels(String invoice, String creditNote, String number, String issueDate, String serviceDate, String dueDate,
              String seller, String buyer, String siret, String vatNumber, String description, String quantity,
              String unitPrice, String vat, String lineTotal, String totalNet, String vatAt, String totalVat,
              String totalGross, String creditNoteOf, String paymentTerms, String onReceipt, String daysAfter,
              String professionalPenalties, String noDiscount, String individualLate, String signature,
              char decimalSeparator, char groupingSeparator, boolean currencyAfter, DateTimeFormatter dates) {

    static final Labels FRENCH = new Labels("FACTURE", "AVOIR", "N°", "Date d'émission", "Date de la prestation",
            "Date d'échéance", "Émetteur", "Client", "SIRET", "N° TVA intracommunautaire", "Désignation", "Qté",
            "Prix unitaire HT", "TVA", "Total HT", "Total HT", "TVA à", "Total TVA", "Total TTC",
            "Avoir relatif à la facture n°", "Conditions de paiement", "paiement à réception",
            "paiement à %d jours, au plus tard le %s",
            "En cas de retard de paiement : pénalités au taux de trois fois le taux d'intérêt légal, et indemnité "
                    + "forfaitaire pour frais de recouvrement de 40 € (art. L441-10 et D441-5 du Code de commerce).",
            "Pas d'escompte pour paiement anticipé.",
            "En cas de retard de paiement, des intérêts au taux légal pourront être appliqués.", "Signature",
            ',', ' ', true, DateTimeFormatter.ofPattern("dd/MM/yyyy", Locale.FRENCH));

    static final Labels ENGLISH = new Labels("INVOICE", "CREDIT NOTE", "No.", "Issue date", "Date of service",
            "Due date", "From", "Bill to", "SIRET", "VAT number", "Description", "Qty", "Unit price excl. VAT", "VAT",
            "Total excl. VAT", "Total excl. VAT", "VAT at", "Total VAT", "Total incl. VAT",
            "Credit note for invoice no.", "Payment terms", "payment on receipt", "payment within %d days, by %s",
            "Late payment: penalties at three times the French legal interest rate, and a fixed recovery fee of "
                    + "EUR 40 (Code de commerce, art. L441-10 and D441-5).",
            "No discount for early payment.", "Late payment may bear interest at the legal rate.", "Signature",
            '.', ',', false, DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH));

    static Labels of(Language language) {
        return language == Language.FRENCH ? FRENCH : ENGLISH;
    }

    String money(Money amount) {
        String number = decimal(amount.toDecimal(), Math.max(amount.currency().getDefaultFractionDigits(), 0));
        String code = amount.currency().getCurrencyCode();
        String symbol = code.equals("EUR") ? "€" : code;
        return currencyAfter ? number + " " + symbol : symbol + (symbol.length() > 1 ? " " : "") + number;
    }

    String quantity(BigDecimal quantity) {
        BigDecimal stripped = quantity.stripTrailingZeros();
        return decimal(stripped, Math.max(stripped.scale(), 0));
    }

    String percent(Percent percent) {
        BigDecimal value = BigDecimal.valueOf(percent.basisPoints(), 2).stripTrailingZeros();
        return decimal(value, Math.max(value.scale(), 0)) + " %";
    }

    /** "Date d'émission : " in French, "Issue date: " in English. */
    String field(String name) {
        return name + (decimalSeparator == ',' ? " : " : ": ");
    }

    String date(LocalDate date) {
        return dates.format(date);
    }

    private String decimal(BigDecimal value, int decimals) {
        DecimalFormatSymbols symbols = new DecimalFormatSymbols(Locale.ROOT);
        symbols.setDecimalSeparator(decimalSeparator);
        symbols.setGroupingSeparator(groupingSeparator);
        symbols.setMinusSign('-');
        DecimalFormat format = new DecimalFormat(decimals == 0 ? "#,##0" : "#,##0." + "0".repeat(decimals), symbols);
        format.setRoundingMode(RoundingMode.UNNECESSARY);
        return format.format(value);
    }
}
