package org.rendezvous.app.ops;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import java.util.Optional;
import org.rendezvous.core.JobReport;
import org.rendezvous.core.OutboxDispatcher;
import org.rendezvous.core.Reminders;
import org.rendezvous.core.Rendezvous;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the engine's jobs on the schedules of {@code rendezvous.jobs.*}. Each job is a core use case that
 * is safe to run on several instances at once (locks, unique constraints, leases); a failing run is
 * logged and the next run tries again. Each run adds what it changed to {@code rendezvous.jobs.changed} and
 * each failure to {@code rendezvous.jobs.failures}, tagged with the job (docs/operations.md). With
 * {@code rendezvous.jobs.enabled=false} this instance runs none of them (another instance, or a test, does).
 */
@Singleton
@Requires(property = "rendezvous.jobs.enabled", notEquals = "false")
final class Jobs {

    private static final Logger LOG = LoggerFactory.getLogger(Jobs.class);

    private final Rendezvous engine;
    private final OutboxDispatcher dispatcher;
    private final Reminders reminders;
    private final MeterRegistry metrics;

    Jobs(Rendezvous engine, OutboxDispatcher dispatcher, Reminders reminders, Optional<MeterRegistry> metrics) {
        this.engine = engine;
        this.dispatcher = dispatcher;
        this.reminders = reminders;
        // Metrics can be turned off (micronaut.metrics.enabled=false): the counts then go nowhere.
        this.metrics = metrics.orElseGet(SimpleMeterRegistry::new);
    }

    /** NOT-3: sends what the outbox holds, with retries and back-off. */
    @Scheduled(fixedDelay = "${rendezvous.jobs.delivery-interval:5s}", initialDelay = "5s")
    void deliverMessages() {
        try {
            dispatcher.deliverDue();
        } catch (RuntimeException failure) {
            metrics.counter("rendezvous.jobs.failures", "job", "delivery").increment();
            LOG.error("job delivery failed; it runs again at its next time", failure);
        }
    }

    /** NOT-2: writes the reminders that fell due. */
    @Scheduled(fixedDelay = "${rendezvous.jobs.reminders-interval:1m}", initialDelay = "20s")
    void planReminders() {
        run("reminders", reminders::planDue);
    }

    /** BK-3, BK-4: holds and requests that ran out of time. */
    @Scheduled(fixedDelay = "${rendezvous.jobs.expiry-interval:30s}", initialDelay = "10s")
    void expireOverdue() {
        run("expiry", () -> engine.jobs().expireOverdue());
    }

    /** BK-5: confirmed bookings that ended. */
    @Scheduled(fixedDelay = "${rendezvous.jobs.completion-interval:1m}", initialDelay = "15s")
    void completeEnded() {
        run("completion", () -> engine.jobs().completeEnded());
    }

    /** BK-4: reminders of unanswered requests to the practitioner. */
    @Scheduled(fixedDelay = "${rendezvous.jobs.requests-interval:5m}", initialDelay = "20s")
    void remindUnansweredRequests() {
        run("unanswered requests", () -> engine.jobs().remindUnansweredRequests());
    }

    /** PAY-2, PAY-4, PO-1: refunds, off-session charges and earnings releases decided by the lifecycle. */
    @Scheduled(fixedDelay = "${rendezvous.jobs.payments-interval:30s}", initialDelay = "10s")
    void carryOutPayments() {
        run("payments", () -> engine.payments().carryOutDue());
    }

    /** PO-1, PO-2: the current payout cycle (once per practitioner and cycle), then payouts left planned. */
    @Scheduled(fixedDelay = "${rendezvous.jobs.payouts-interval:1h}", initialDelay = "30s")
    void payouts() {
        run("payout cycle", () -> engine.payouts().runDueCycle());
        run("planned payouts", () -> engine.payouts().resumePlanned());
    }

    /** INV-1: invoices issued by themselves for practitioners who chose it (paid or completed bookings). */
    @Scheduled(fixedDelay = "${rendezvous.jobs.invoices-interval:5m}", initialDelay = "45s")
    void issueInvoices() {
        run("automatic invoices", () -> engine.invoices().issueAutomatically());
    }

    /** PLAN-1: the trial's end told by e-mail 7 days before, once per practitioner and trial. */
    @Scheduled(fixedDelay = "${rendezvous.jobs.trial-end-interval:1h}", initialDelay = "40s")
    void tellTrialsEnding() {
        run("trial end", () -> engine.plans().tellTrialsEnding());
    }

    private void run(String name, java.util.function.Supplier<JobReport> job) {
        try {
            JobReport report = job.get();
            metrics.counter("rendezvous.jobs.changed", "job", name).increment(report.changed());
            if (report.changed() > 0 || report.deferred() > 0) {
                LOG.info("job {}: {}", name, report);
            }
        } catch (RuntimeException failure) {
            metrics.counter("rendezvous.jobs.failures", "job", name).increment();
            LOG.error("job {} failed; it runs again at its next time", name, failure);
        }
    }
}
