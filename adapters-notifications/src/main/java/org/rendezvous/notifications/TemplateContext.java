package org.rendezvous.notifications;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.NumberFormat;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Currency;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.rendezvous.core.agenda.ConsultationMode;
import org.rendezvous.core.contact.Language;
import org.rendezvous.core.money.Money;
import org.rendezvous.core.notification.BookingDetails;
import org.rendezvous.core.notification.OutgoingMessage;
import org.rendezvous.core.notification.Recipient;

/**
 * The variables every template may use, always all present (absent values are {@code false}, so that
 * strict templates test them with sections): times in the practitioner's zone, in the recipient's
 * locale (NOT-4); amounts formatted for the locale.
 */
final class TemplateContext {

    /** Parameters the core may record with an event; each is always in the context. */
    static final String[] OPTIONAL_PARAMETERS = {"link", "amount", "limit", "number", "gross"};

    private TemplateContext() {
    }

    static Map<String, Object> of(OutgoingMessage message, TemplateSettings settings, boolean sms) {
        Language language = message.to().language();
        Locale locale = language.locale();
        ZoneId zone = message.zone();
        Map<String, Object> c = new HashMap<>();
        boolean toClient = message.recipientRole() == Recipient.CLIENT;
        c.put("productName", settings.productName());
        c.put("recipientName", message.to().name().value());
        c.put("practitionerName", message.practitioner().name().value());
        c.put("clientName", message.client().map(client -> client.name().value()).orElse(""));
        c.put("toClient", toClient);
        c.put("toPractitioner", !toClient);
        c.put("zone", zone.getId());
        c.put("zoneCity", city(zone));
        Optional<BookingDetails> booking = message.booking();
        c.put("hasBooking", booking.isPresent());
        c.put("manageLink", toClient && booking.isPresent()
                ? settings.bookingLinkBase() + booking.get().accessToken().value()
                : settings.dashboardLink().toString());
        String empty = "";
        c.put("activity", booking.map(BookingDetails::activity).orElse(empty));
        c.put("when", booking.map(b -> when(b.start(), zone, language)).orElse(empty));
        c.put("whenShort", booking.map(b -> whenShort(b.start(), zone, language)).orElse(empty));
        c.put("endTime", booking.map(b -> time(b.end(), zone, language)).orElse(empty));
        c.put("duration", booking.map(b -> Duration.between(b.start(), b.end()).toMinutes()).orElse(0L));
        c.put("mode", booking.map(b -> mode(b.mode(), language)).orElse(empty));
        c.put("address", booking.flatMap(BookingDetails::address).<Object>map(a -> a).orElse(false));
        c.put("price", booking.map(b -> money(b.price(), locale, sms)).orElse(empty));
        c.put("paid", booking.map(b -> money(b.paid(), locale, sms)).orElse(empty));
        c.put("hasPaid", booking.map(b -> b.paid().isPositive()).orElse(false));
        c.put("amountCharged", booking.flatMap(BookingDetails::amountCharged).<Object>map(m -> money(m, locale, sms))
                .orElse(false));
        c.put("amountRefunded", booking.flatMap(BookingDetails::amountRefunded).<Object>map(m -> money(m, locale, sms))
                .orElse(false));
        c.put("cancellationDeadlineHours", booking.map(b -> b.cancellationDeadline().toHours()).orElse(24L));
        Map<String, String> p = message.parameters();
        c.put("previousWhen", instant(p.get("previousStart")).<Object>map(i -> when(i, zone, language)).orElse(false));
        c.put("previousWhenShort", instant(p.get("previousStart")).<Object>map(i -> whenShort(i, zone, language))
                .orElse(false));
        c.put("offeredWhen", instant(p.get("offeredStart")).<Object>map(i -> when(i, zone, language)).orElse(false));
        c.put("offeredWhenShort", instant(p.get("offeredStart")).<Object>map(i -> whenShort(i, zone, language))
                .orElse(false));
        // CX-7: the alert's link carries the time offered, so the booking's page can take exactly that time.
        c.put("offerLink", toClient && booking.isPresent() && instant(p.get("offeredStart")).isPresent()
                ? c.get("manageLink") + "?offer=" + URLEncoder.encode(instant(p.get("offeredStart")).get().toString(),
                        StandardCharsets.UTF_8)
                : c.get("manageLink"));
        c.put("waitingSince", instant(p.get("waitingSince")).<Object>map(i -> when(i, zone, language)).orElse(false));
        // PLAN-1: the trial's last day, a local date in the practitioner's zone.
        c.put("trialEndDay", day(p.get("trialEndsOn"), language).<Object>map(d -> d).orElse(false));
        for (String name : OPTIONAL_PARAMETERS) {
            String value = p.get(name);
            c.put(name, value == null || value.isBlank() ? false
                    : "amount".equals(name) || "gross".equals(name) ? amount(value, locale, sms) : value);
        }
        c.put("creditNote", "true".equals(p.get("creditNote")));
        return c;
    }

    static String when(Instant instant, ZoneId zone, Language language) {
        ZonedDateTime at = instant.atZone(zone);
        return language == Language.FRENCH
                ? DateTimeFormatter.ofPattern("EEEE d MMMM yyyy 'à' HH'h'mm", Locale.FRENCH).format(at)
                : DateTimeFormatter.ofPattern("EEEE, MMMM d, yyyy 'at' h:mm a", Locale.ENGLISH).format(at);
    }

    static Optional<String> day(String isoDate, Language language) {
        if (isoDate == null) {
            return Optional.empty();
        }
        try {
            java.time.LocalDate date = java.time.LocalDate.parse(isoDate);
            return Optional.of(language == Language.FRENCH
                    ? DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.FRENCH).format(date)
                    : DateTimeFormatter.ofPattern("EEEE, MMMM d, yyyy", Locale.ENGLISH).format(date));
        } catch (java.time.format.DateTimeParseException e) {
            return Optional.empty();
        }
    }

    static String whenShort(Instant instant, ZoneId zone, Language language) {
        ZonedDateTime at = instant.atZone(zone);
        return language == Language.FRENCH
                ? DateTimeFormatter.ofPattern("EEEE d MMMM 'à' HH'h'mm", Locale.FRENCH).format(at)
                : DateTimeFormatter.ofPattern("EEE, MMM d 'at' h:mm a", Locale.ENGLISH).format(at);
    }

    /** {@code Europe/Paris} → {@code Paris}, {@code America/St_Johns} → {@code St Johns}; other ids as they are. */
    static String city(ZoneId zone) {
        String id = zone.getId();
        int slash = id.lastIndexOf('/');
        return slash < 0 ? id : id.substring(slash + 1).replace('_', ' ');
    }

    static String time(Instant instant, ZoneId zone, Language language) {
        return DateTimeFormatter.ofPattern(language == Language.FRENCH ? "HH'h'mm" : "h:mm a", language.locale())
                .format(instant.atZone(zone));
    }

    static String mode(ConsultationMode mode, Language language) {
        boolean fr = language == Language.FRENCH;
        return switch (mode) {
            case IN_PERSON -> fr ? "en cabinet" : "in person";
            case PHONE -> fr ? "par téléphone" : "by phone";
            case VIDEO -> fr ? "en visio" : "by video";
        };
    }

    /** An amount for the locale: {@code 60,00 €} in French, {@code €60.00} in English; SMS get plain spaces. */
    static String money(Money money, Locale locale, boolean sms) {
        NumberFormat format = NumberFormat.getCurrencyInstance(locale);
        format.setCurrency(money.currency());
        format.setMinimumFractionDigits(Math.max(money.currency().getDefaultFractionDigits(), 0));
        String text = format.format(money.toDecimal());
        return sms ? text.replace('\u202f', ' ').replace('\u00a0', ' ') : text;
    }

    /** A {@code Money.toString()} parameter ({@code "60.00 EUR"}) formatted for the locale; anything else as it is. */
    private static String amount(String value, Locale locale, boolean sms) {
        String[] parts = value.trim().split(" ");
        if (parts.length == 2) {
            try {
                Currency currency = Currency.getInstance(parts[1]);
                BigDecimal decimal = new BigDecimal(parts[0]);
                return money(Money.of(decimal.toPlainString(), currency.getCurrencyCode()), locale, sms);
            } catch (IllegalArgumentException e) {
                return value;
            }
        }
        return value;
    }

    private static Optional<Instant> instant(String value) {
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(value));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
