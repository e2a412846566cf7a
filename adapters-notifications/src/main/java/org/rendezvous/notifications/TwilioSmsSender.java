package org.rendezvous.notifications;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.rendezvous.core.notification.OutgoingMessage;
import org.rendezvous.core.notification.SendResult;

/**
 * SMS through Twilio's Messages API: a form POST to {@code /2010-04-01/Accounts/{sid}/Messages.json}
 * with basic auth. Errors: 21211 (invalid number), 21610 (recipient opted out), 21614 (not a mobile)
 * and other 4xx answers are permanent; 429 / 20429 (rate limited), 20003 (credentials refused), 5xx
 * and network failures are temporary.
 */
public final class TwilioSmsSender extends HttpSms {

    private final TwilioSettings settings;

    public TwilioSmsSender(TwilioSettings settings, MessageTemplates templates) {
        super(templates, settings.timeout());
        this.settings = settings;
    }

    @Override
    HttpRequest.Builder request(OutgoingMessage message, String text) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("To", message.to().phone().orElseThrow().value());
        form.put(settings.from().startsWith("MG") ? "MessagingServiceSid" : "From", settings.from());
        form.put("Body", text);
        String body = form.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        String credentials = Base64.getEncoder().encodeToString(
                (settings.accountSid() + ":" + settings.authToken()).getBytes(StandardCharsets.UTF_8));
        URI uri = URI.create(settings.baseUrl().toString().replaceAll("/+$", "") + "/2010-04-01/Accounts/"
                + settings.accountSid() + "/Messages.json");
        return HttpRequest.newBuilder(uri)
                .header("Authorization", "Basic " + credentials)
                .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    }

    @Override
    SendResult answer(int status, String body) {
        if (status == 200 || status == 201) {
            return Json.field(body, "sid").<SendResult>map(SendResult.Sent::new)
                    .orElseGet(() -> new SendResult.TemporaryFailure("Twilio accepted but gave no sid: " + body));
        }
        String code = Json.field(body, "code").orElse("");
        String detail = "Twilio " + status + (code.isEmpty() ? "" : " code " + code) + ": "
                + Json.field(body, "message").orElse(body);
        if (status == 429 || code.equals("20429")) {
            return new SendResult.TemporaryFailure("rate limited: " + detail);
        }
        if (status >= 500) {
            return new SendResult.TemporaryFailure(detail);
        }
        return switch (code) {
            case "21211" -> new SendResult.PermanentFailure("invalid phone number: " + detail);
            case "21610" -> new SendResult.PermanentFailure("recipient opted out (STOP): " + detail);
            case "21614" -> new SendResult.PermanentFailure("not a mobile number: " + detail);
            case "20003" -> new SendResult.TemporaryFailure("credentials refused, check the settings: " + detail);
            default -> status == 401 || status == 403
                    ? new SendResult.TemporaryFailure("credentials refused, check the settings: " + detail)
                    : new SendResult.PermanentFailure(detail);
        };
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
