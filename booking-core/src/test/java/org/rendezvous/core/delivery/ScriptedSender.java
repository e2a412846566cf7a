package org.rendezvous.core.delivery;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.rendezvous.core.notification.OutboxMessageId;
import org.rendezvous.core.notification.OutgoingMessage;
import org.rendezvous.core.notification.SendResult;
import org.rendezvous.core.port.MessageSender;

/** A sender that answers what the test scripts, message after message, and remembers what it was given. Thread-safe. */
final class ScriptedSender implements MessageSender {

    private final Deque<SendResult> script = new ArrayDeque<>();
    private final List<OutgoingMessage> sent = Collections.synchronizedList(new ArrayList<>());
    private final Map<OutboxMessageId, Integer> attemptsById = new ConcurrentHashMap<>();
    private volatile Function<OutgoingMessage, SendResult> otherwise = m -> new SendResult.Sent("ref-" + m.id());

    synchronized ScriptedSender then(SendResult result) {
        script.add(result);
        return this;
    }

    ScriptedSender otherwise(Function<OutgoingMessage, SendResult> answer) {
        this.otherwise = answer;
        return this;
    }

    @Override
    public SendResult send(OutgoingMessage message) {
        attemptsById.merge(message.id(), 1, Integer::sum);
        SendResult result;
        synchronized (this) {
            result = script.poll();
        }
        if (result == null) {
            result = otherwise.apply(message);
        }
        if (result instanceof SendResult.Sent) {
            sent.add(message);
        }
        return result;
    }

    /** The messages the "provider" accepted, in order. */
    List<OutgoingMessage> accepted() {
        synchronized (sent) {
            return List.copyOf(sent);
        }
    }

    int attempts(OutboxMessageId id) {
        return attemptsById.getOrDefault(id, 0);
    }
}
