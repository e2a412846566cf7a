package org.rendezvous.notifications;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.rendezvous.core.notification.OutgoingMessage;
import org.rendezvous.core.notification.SendResult;

/**
 * SMS through Brevo's transactional SMS API: a JSON POST to {@code /v3/transactionalSMS/sms} with the
 * {@code api-key} header. Errors: 400 (invalid or missing parameter, such as a bad number, or a
 * blacklisted recipient) is permanent; 401 (key refused), 402 (not enough credits: the operator tops up),
 * 429 (rate limited), 5xx and network failures are temporary.
 */
public final class BrevoSmsSender extends HttpSms {

    private final BrevoSettings settings;

    public BrevoSmsSender(BrevoSettings settings, MessageTemplates templates) {
        super(templates, settings.timeout());
        this.settings = settings;
    }

    @Override
    HttpRequest.Builder request(OutgoingMessage message, String text) {
        String recipient = message.to().phone().orElseThrow().value().substring(1);
        String json = "{\"sender\":" + Json.quote(settings.sender())
                + ",\"recipient\":" + Json.quote(recipient)
                + ",\"content\":" + Json.quote(text)
                + ",\"type\":\"transactional\""
                + ",\"tag\":" + Json.quote(message.kind().name().toLowerCase(Locale.ROOT))
                + ",\"unicodeEnabled\":" + (SmsText.encoding(text) == SmsText.Encoding.UCS_2)
                + "}";
        URI uri = URI.create(settings.baseUrl().toString().replaceAll("/+$", "") + "/v3/transactionalSMS/sms");
        return HttpRequest.newBuilder(uri)
                .header("api-key", settings.apiKey())
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
    }

    @Override
    SendResult answer(int status, String body) {
        if (status == 200 || status == 201) {
            return Json.field(body, "messageId").or(() -> Json.field(body, "reference"))
                    .<SendResult>map(id -> new SendResult.Sent("brevo:" + id))
                    .orElseGet(() -> new SendResult.TemporaryFailure("Brevo accepted but gave no message id: " + body));
        }
        String code = Json.field(body, "code").orElse("");
        String detail = "Brevo " + status + (code.isEmpty() ? "" : " " + code) + ": "
                + Json.field(body, "message").orElse(body);
        if (status == 429) {
            return new SendResult.TemporaryFailure("rate limited: " + detail);
        }
        if (status >= 500) {
            return new SendResult.TemporaryFailure(detail);
        }
        if (status == 401 || status == 403) {
            return new SendResult.TemporaryFailure("API key refused, check the settings: " + detail);
        }
        if (status == 402 || code.equals("not_enough_credits")) {
            return new SendResult.TemporaryFailure("not enough SMS credits: " + detail);
        }
        return new SendResult.PermanentFailure(detail);
    }
}
