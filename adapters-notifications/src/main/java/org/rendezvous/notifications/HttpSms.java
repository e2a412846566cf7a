package org.rendezvous.notifications;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.rendezvous.core.notification.Channel;
import org.rendezvous.core.notification.OutgoingMessage;
import org.rendezvous.core.notification.SendResult;
import org.rendezvous.core.port.MessageSender;

/** What the SMS senders share: the text fitted into two segments, one HTTP call, network failures as temporary. */
abstract class HttpSms implements MessageSender {

    /** NOT-1 messages are short; two segments is the most one may cost. */
    static final int MAX_SEGMENTS = 2;

    private final MessageTemplates templates;
    private final HttpClient http;
    private final Duration timeout;

    HttpSms(MessageTemplates templates, Duration timeout) {
        this.templates = templates;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Override
    public final SendResult send(OutgoingMessage message) {
        if (message.channel() != Channel.SMS) {
            return new SendResult.PermanentFailure("an SMS sender sends SMS only, not " + message.channel());
        }
        String text = SmsText.fit(templates.sms(message), MAX_SEGMENTS);
        HttpRequest request = request(message, text).timeout(timeout).build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            return new SendResult.TemporaryFailure("provider unreachable: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new SendResult.TemporaryFailure("interrupted while sending");
        }
        return answer(response.statusCode(), response.body());
    }

    abstract HttpRequest.Builder request(OutgoingMessage message, String text);

    abstract SendResult answer(int status, String body);
}
