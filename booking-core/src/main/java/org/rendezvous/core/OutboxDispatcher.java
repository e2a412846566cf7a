package org.rendezvous.core;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.random.RandomGenerator;
import org.rendezvous.core.notification.ClaimedMessage;
import org.rendezvous.core.notification.DeliveryReport;
import org.rendezvous.core.notification.DeliverySettings;
import org.rendezvous.core.notification.DeliveryState;
import org.rendezvous.core.notification.Lease;
import org.rendezvous.core.notification.OutboxEntry;
import org.rendezvous.core.notification.OutboxMessageId;
import org.rendezvous.core.notification.SendResult;
import org.rendezvous.core.outcome.Outcome;
import org.rendezvous.core.outcome.Reason;
import org.rendezvous.core.port.MessageSender;
import org.rendezvous.core.port.Outbox;
import org.rendezvous.core.port.Stores;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the outbox (NOT-3): a job the host runs every few seconds, on as many instances as it likes.
 *
 * <p>Each run claims the due messages under a lease, so two dispatchers never send the same message
 * while the lease runs; reads who the message is for and the booking as it stands now; sends it through
 * the {@link MessageSender}; and records the outcome. A temporary failure is tried again later with
 * exponential back-off and jitter; a permanent one, or the last allowed attempt, parks the message as
 * FAILED, where {@link #parked} lists it and {@link #retry} sends it again on an operator's word.
 *
 * <p><b>The one duplicate window.</b> Sending and recording cannot be one atomic step: the provider is
 * not in our transaction. If the process dies (or its lease lapses, or the write fails because the
 * database is down) after the provider accepted a message and before {@link Outbox#markDelivered} is
 * recorded, the message is still PENDING once the lease lapses and is sent again: the recipient gets it
 * twice. When recording fails, the run stops and gives back the rest of its batch at once
 * ({@link Outbox#release}); only the message whose outcome was lost waits for its lease. Every other failure gives at most one
 * delivery. Senders narrow the window where the provider allows it, passing the message id as the
 * provider's idempotency key or as the e-mail's Message-ID (which many mail clients deduplicate on).
 * Keep the lease much longer than a batch takes to send, or a slow run opens the same window.
 */
public final class OutboxDispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxDispatcher.class);
    private static final int MAX_ERROR_LENGTH = 1_000;

    private final Outbox outbox;
    private final MessageResolver resolver;
    private final MessageSender sender;
    private final Now clock;
    private final DeliverySettings settings;
    private final RandomGenerator random;

    public OutboxDispatcher(Stores stores, MessageSender sender, Clock clock, DeliverySettings settings,
                            RandomGenerator random) {
        this(stores, sender, clock, settings, random, org.rendezvous.core.port.MessageAttachments.NONE);
    }

    /** A dispatcher whose messages may carry files, such as invoices' PDFs ({@code engine.invoices().attachments()}). */
    public OutboxDispatcher(Stores stores, MessageSender sender, Clock clock, DeliverySettings settings,
                            RandomGenerator random, org.rendezvous.core.port.MessageAttachments attachments) {
        this.outbox = Objects.requireNonNull(stores, "stores").outbox();
        this.resolver = new MessageResolver(stores, Objects.requireNonNull(attachments, "attachments"));
        this.sender = Objects.requireNonNull(sender, "sender");
        this.clock = new Now(clock);
        this.settings = Objects.requireNonNull(settings, "settings");
        this.random = Objects.requireNonNull(random, "random");
    }

    /** A dispatcher with the JDK's default random generator for the jitter. */
    public OutboxDispatcher(Stores stores, MessageSender sender, Clock clock, DeliverySettings settings) {
        this(stores, sender, clock, settings, RandomGenerator.getDefault());
    }

    /** Claims the messages due now and tries each once. */
    public DeliveryReport deliverDue() {
        Instant now = now();
        Lease lease = new Lease(settings.owner(), now.plus(settings.lease()));
        List<ClaimedMessage> claimed = outbox.claimDue(now, settings.batchSize(), lease);
        int delivered = 0;
        int skipped = 0;
        int retryLater = 0;
        int parked = 0;
        // The messages of one booking (one per recipient and channel) share their reads (issue 15).
        MessageResolver.Reads reads = resolver.reads();
        for (int i = 0; i < claimed.size(); i++) {
            DeliveryState state;
            try {
                state = deliver(claimed.get(i), reads);
            } catch (RuntimeException failure) {
                // Only recording an outcome throws (the database is down, say): the messages after this one were
                // never attempted, so they go back at once rather than wait for the lease. This one keeps its lease.
                release(claimed.subList(i + 1, claimed.size()), lease, failure);
                throw failure;
            }
            switch (state) {
                case DELIVERED -> delivered++;
                case SKIPPED -> skipped++;
                case PENDING -> retryLater++;
                case FAILED -> parked++;
            }
        }
        return new DeliveryReport(claimed.size(), delivered, skipped, retryLater, parked);
    }

    private void release(List<ClaimedMessage> rest, Lease lease, RuntimeException failure) {
        if (rest.isEmpty()) {
            return;
        }
        try {
            int released = outbox.release(rest.stream().map(m -> m.message().id()).toList(), lease);
            LOG.warn("outbox run stopped on a failure; {} unattempted message(s) of its batch released", released);
        } catch (RuntimeException releaseFailure) {
            // The store is still failing: they wait for the lease to lapse, as after a crash.
            failure.addSuppressed(releaseFailure);
        }
    }

    /** The parked messages, the most recently parked first, for an operator to look at. */
    public List<OutboxEntry> parked(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit: must be at least 1");
        }
        return outbox.parked(limit);
    }

    /** An operator asks for a parked message to be sent again, from its first attempt. */
    public Outcome<OutboxEntry> retry(OutboxMessageId id) {
        Objects.requireNonNull(id, "id");
        if (outbox.entry(id).isEmpty()) {
            return Outcome.rejected(Reason.NOT_FOUND, "id: no such message");
        }
        if (!outbox.retry(id, now())) {
            return Outcome.rejected(Reason.ILLEGAL_TRANSITION, "id: only a parked (FAILED) message can be retried");
        }
        return Outcome.accepted(outbox.entry(id).orElseThrow());
    }

    private DeliveryState deliver(ClaimedMessage claimed, MessageResolver.Reads reads) {
        OutboxMessageId id = claimed.message().id();
        int attempt = claimed.attempts() + 1;
        MessageResolver.Resolution resolution;
        try {
            resolution = resolver.resolve(claimed.message(), now(), reads);
        } catch (RuntimeException e) {
            LOG.warn("outbox message {} could not be prepared", id, e);
            return failed(claimed, attempt, new SendResult.TemporaryFailure("could not prepare: " + e));
        }
        if (resolution instanceof MessageResolver.Skip skip) {
            LOG.info("outbox message {} ({}) skipped: {}", id, claimed.message().kind(), skip.reason());
            outbox.markSkipped(id, claimed.lease(), now(), truncate(skip.reason()));
            return DeliveryState.SKIPPED;
        }
        MessageResolver.Ready ready = (MessageResolver.Ready) resolution;
        SendResult result;
        try {
            result = sender.send(ready.message());
        } catch (RuntimeException e) {
            LOG.warn("sender threw on outbox message {}", id, e);
            result = new SendResult.TemporaryFailure("sender threw " + e);
        }
        if (result instanceof SendResult.Sent sent) {
            // The duplicate window of NOT-3: a crash right here sends the message again later.
            if (!outbox.markDelivered(id, now(), truncate(sent.providerReference()))) {
                LOG.warn("outbox message {} was already recorded as delivered", id);
            }
            return DeliveryState.DELIVERED;
        }
        return failed(claimed, attempt, result);
    }

    private DeliveryState failed(ClaimedMessage claimed, int attempt, SendResult result) {
        OutboxMessageId id = claimed.message().id();
        Instant now = now();
        String error;
        boolean permanent;
        if (result instanceof SendResult.PermanentFailure permanentFailure) {
            error = "permanent: " + permanentFailure.reason();
            permanent = true;
        } else {
            error = "temporary: " + ((SendResult.TemporaryFailure) result).reason();
            permanent = false;
        }
        if (permanent || !settings.retry().allowsAnotherAttempt(attempt)) {
            LOG.warn("outbox message {} ({}) parked after attempt {}: {}", id, claimed.message().kind(), attempt, error);
            if (!outbox.park(id, claimed.lease(), attempt, now, truncate(error))) {
                LOG.warn("outbox message {}: lease lost before it could be parked", id);
            }
            return DeliveryState.FAILED;
        }
        Instant next = settings.retry().nextAttempt(attempt, now, random).truncatedTo(ChronoUnit.MICROS);
        LOG.info("outbox message {} attempt {} failed, next at {}: {}", id, attempt, next, error);
        if (!outbox.markFailed(id, claimed.lease(), attempt, next, truncate(error))) {
            LOG.warn("outbox message {}: lease lost before the failure could be recorded", id);
        }
        return DeliveryState.PENDING;
    }

    private Instant now() {
        return clock.instant();
    }

    private static String truncate(String text) {
        return text.length() <= MAX_ERROR_LENGTH ? text : text.substring(0, MAX_ERROR_LENGTH);
    }
}
