package org.blackstart.plugins.email;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.camel.Body;
import org.apache.camel.Header;
import org.blackstart.plugins.email.SmtpConnection.SmtpUnavailable;
import org.blackstart.spi.BlackstartHeaders;
import org.blackstart.spi.ChannelUnavailable;
import org.blackstart.spi.CustomerNotice;
import org.blackstart.spi.DeliveryKey;
import org.blackstart.spi.DeliveryLedger;
import org.blackstart.spi.DeliveryLedger.Claim;
import org.blackstart.spi.NoticeAudience;
import org.blackstart.spi.NoticeRecipient;
import org.blackstart.spi.RetryLater;
import org.blackstart.spi.TaskContext;
import org.blackstart.spi.TaskResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one notice to its whole e-mail audience: page by page (1,000 recipients), each page claimed
 * in the ledger in one go (the next one while the current one is sent), sent over {@code connections}
 * SMTP connections kept open, at most {@code max-per-second}, and recorded as sent in small batches
 * ({@link SentMarks}).
 *
 * <ul>
 *   <li>A recipient the server refuses for good (5xx to RCPT TO) or an address that cannot be parsed
 *       is recorded as refused; the rest go on.</li>
 *   <li>A recipient refused for now (4xx) is released; the task fails at the end, and the bridge's
 *       retry sends only what is missing.</li>
 *   <li>A dropped connection is opened again and the message sent once more.</li>
 *   <li>A server that cannot be reached at all fails the task (the bridge retries), and from attempt
 *       {@code unavailable-after-attempts} on throws {@link ChannelUnavailable}. What was sent stays sent.</li>
 *   <li>Recipients another worker is sending to right now are left to it: the task asks to be
 *       retried after the claim's lease ({@link RetryLater}), when any the other worker did not
 *       finish are free again.</li>
 * </ul>
 */
public class EmailFanOut {

    /** Result variable: how many recipients the notice has on e-mail. */
    public static final String RESULT_RECIPIENTS = "emailRecipients";
    /** Result variable: how many of them the mail server refused for good (this attempt). */
    public static final String RESULT_REFUSED = "emailRefused";

    static final int PAGE = 1000;

    private static final Logger LOG = LoggerFactory.getLogger(EmailFanOut.class);

    private final DeliveryLedger ledger;
    private final NoticeAudience audience;
    private final EmailProperties properties;

    public EmailFanOut(DeliveryLedger ledger, NoticeAudience audience, EmailProperties properties) {
        this.ledger = ledger;
        this.audience = audience;
        this.properties = properties;
    }

    /** The route's one step: {@code task} is absent when the route is driven without the bridge. */
    public TaskResult deliver(@Body CustomerNotice notice, @Header(BlackstartHeaders.TASK) TaskContext task)
            throws InterruptedException {
        int attempt = task == null ? 1 : task.attempt();
        Run run = new Run(notice);
        try {
            run.fanOut();
        } catch (SmtpUnavailable down) {
            String done = run.sent.get() == 0 ? "" : "; " + run.sent.get() + " messages of this notice went out before";
            if (attempt >= properties.unavailableAfterAttempts()) {
                throw new ChannelUnavailable(down.getMessage() + " (attempt " + attempt + done + ")");
            }
            throw new SmtpUnavailable(down.getMessage() + " (attempt " + attempt + done + ")", down);
        } finally {
            run.close();
        }
        if (run.inProgress.get() > 0) {
            throw new RetryLater(properties.claimLease(), run.inProgress.get() + " recipients of notice '" + notice.step()
                    + "' of " + notice.incidentKey() + " are being sent to by another worker; the rest went out");
        }
        if (run.deferred.get() > 0) {
            throw new TemporarilyRefused(run.deferred.get(), run.lastDeferral.get());
        }
        LOG.info("BLACKSTART-EMAIL-001 notice '{}' of {}: {} recipients, {} sent now, {} sent before, {} refused",
                notice.step(), notice.incidentKey(), run.recipients, run.sent.get(), run.alreadySent.get(), run.refused.get());
        return TaskResult.of(CustomerNotice.Results.SENT, run.sent.get())
                .and(CustomerNotice.Results.ALREADY_SENT, run.alreadySent.get())
                .and(RESULT_RECIPIENTS, run.recipients)
                .and(RESULT_REFUSED, run.refused.get());
    }

    /**
     * Recipients claimed per page. Under a rate limit, a page must go out well within the claim's
     * lease even when the next page is claimed while it is sent (at most 1.5 pages wait at once):
     * with 10 messages/s and a 2-minute lease that is 400 per page (1.5 pages: 60 s), not 1,000.
     */
    static int pageSize(EmailProperties properties) {
        if (properties.maxPerSecond() <= 0) {
            return PAGE;
        }
        long perLease = properties.maxPerSecond() * Math.max(1, properties.claimLease().toSeconds()) / 3;
        return (int) Math.max(1, Math.min(PAGE, perLease));
    }

    /**
     * One fan-out: the calling thread reads and claims the audience page by page and hands the
     * claimed deliveries to one worker per connection. It claims the next page while the workers
     * send the current one, as soon as no more than half a page is left waiting, so the connections
     * do not stand still while the database works; a claim therefore waits at most 1.5 pages' worth
     * of sending before its message goes out.
     */
    private final class Run implements AutoCloseable {

        /** Tells a worker that nothing more will be claimed. */
        private static final EmailDelivery NO_MORE = new EmailDelivery(null, null, null);

        private final CustomerNotice notice;
        private final NoticeMessageFactory messages = new NoticeMessageFactory(properties);
        private final SentMarks marks = new SentMarks(ledger);
        private final SendThrottle throttle = new SendThrottle(properties.maxPerSecond());
        private final List<SmtpConnection> connections = new ArrayList<>();
        private final ExecutorService workers;
        private final int pageSize = pageSize(properties);
        private final BlockingQueue<EmailDelivery> claimed = new LinkedBlockingQueue<>();
        /** Room for claimed deliveries not yet finished: a page may be claimed when a page's worth is free. */
        private final Semaphore room = new Semaphore(pageSize + pageSize / 2);
        private final AtomicReference<RuntimeException> failure = new AtomicReference<>();
        final AtomicInteger sent = new AtomicInteger();
        final AtomicInteger alreadySent = new AtomicInteger();
        final AtomicInteger refused = new AtomicInteger();
        final AtomicInteger deferred = new AtomicInteger();
        final AtomicInteger inProgress = new AtomicInteger();
        final AtomicReference<String> lastDeferral = new AtomicReference<>();
        int recipients;

        Run(CustomerNotice notice) {
            this.notice = notice;
            for (int i = 0; i < properties.connections(); i++) {
                connections.add(new SmtpConnection(properties));
            }
            AtomicInteger threads = new AtomicInteger();
            this.workers = Executors.newFixedThreadPool(properties.connections(), r -> {
                Thread thread = new Thread(r, "email-fan-out-" + threads.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            });
        }

        void fanOut() throws InterruptedException {
            List<Future<?>> running = new ArrayList<>();
            for (SmtpConnection connection : connections) {
                running.add(workers.submit(() -> work(connection)));
            }
            try {
                claimPages();
            } catch (InterruptedException stopping) {
                failure.compareAndSet(null, new IllegalStateException("e-mail fan-out interrupted"));
                running.forEach(worker -> worker.cancel(true));
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                // The audience or the ledger failed: the workers stop after their current message.
                failure.compareAndSet(null, e);
            } finally {
                connections.forEach(c -> claimed.add(NO_MORE));
                awaitWorkers(running);
                // Always before the fan-out ends; on a failure too, so that nothing accepted is resent.
                marks.recordAll();
            }
            if (failure.get() != null) {
                // Never tried: give them back, so the retry sends them at once instead of after the lease.
                for (EmailDelivery untried; (untried = claimed.poll()) != null; ) {
                    if (untried != NO_MORE) {
                        ledger.release(untried.key(), "not sent: " + failure.get().getMessage());
                    }
                }
                throw failure.get();
            }
        }

        private void claimPages() throws InterruptedException {
            String after = null;
            List<NoticeRecipient> page;
            do {
                // Wait for room before reading, so the page is claimed just before it is needed.
                while (!room.tryAcquire(pageSize, 50, TimeUnit.MILLISECONDS)) {
                    if (failure.get() != null) {
                        return;
                    }
                }
                if (failure.get() != null) {
                    return;
                }
                page = audience.page(notice.incidentKey(), notice.step(), EmailDelivery.CHANNEL, after, pageSize);
                if (!page.isEmpty()) {
                    recipients += page.size();
                    int queued = claim(page);
                    room.release(pageSize - queued);
                    after = page.get(page.size() - 1).address();
                } else {
                    room.release(pageSize);
                }
            } while (page.size() == pageSize);
        }

        /** Claims one page and queues what this worker may send; returns how many were queued. */
        private int claim(List<NoticeRecipient> page) {
            List<DeliveryKey> keys = new ArrayList<>(page.size());
            List<EmailDelivery> deliveries = new ArrayList<>(page.size());
            for (NoticeRecipient recipient : page) {
                EmailDelivery delivery = EmailDelivery.of(notice, recipient);
                deliveries.add(delivery);
                keys.add(delivery.key());
            }
            Map<DeliveryKey, Claim> claims = ledger.claimAll(keys, properties.claimLease());
            int queued = 0;
            for (EmailDelivery delivery : deliveries) {
                switch (claims.get(delivery.key())) {
                    case SEND -> {
                        claimed.add(delivery);
                        queued++;
                    }
                    case ALREADY_SENT -> alreadySent.incrementAndGet();
                    case IN_PROGRESS -> inProgress.incrementAndGet();
                }
            }
            return queued;
        }

        private void awaitWorkers(List<Future<?>> running) {
            for (Future<?> worker : running) {
                try {
                    worker.get();
                } catch (ExecutionException unexpected) {
                    failure.compareAndSet(null, new IllegalStateException("e-mail worker failed", unexpected.getCause()));
                } catch (java.util.concurrent.CancellationException cancelled) {
                    // interrupted above; the failure is already set
                } catch (InterruptedException stopping) {
                    running.forEach(w -> w.cancel(true));
                    failure.compareAndSet(null, new IllegalStateException("e-mail fan-out interrupted"));
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }

        private void work(SmtpConnection connection) {
            while (failure.get() == null) {
                EmailDelivery delivery;
                try {
                    delivery = claimed.poll(SentMarks.MAX_AGE.toMillis() / 4, TimeUnit.MILLISECONDS);
                } catch (InterruptedException stopping) {
                    failure.compareAndSet(null, new IllegalStateException("e-mail fan-out interrupted"));
                    Thread.currentThread().interrupt();
                    return;
                }
                // Also while waiting for the next page: what was sent is recorded within MAX_AGE.
                marks.recordIfDue();
                if (delivery == NO_MORE) {
                    return;
                }
                if (delivery == null) {
                    continue;
                }
                try {
                    throttle.acquire();
                    sendOne(connection, delivery);
                } catch (InterruptedException stopping) {
                    ledger.release(delivery.key(), "fan-out interrupted");
                    failure.compareAndSet(null, new IllegalStateException("e-mail fan-out interrupted"));
                    Thread.currentThread().interrupt();
                } catch (RuntimeException e) {
                    ledger.release(delivery.key(), "SMTP send failed: " + e.getMessage());
                    failure.compareAndSet(null, e);
                } finally {
                    room.release();
                }
            }
        }

        private void sendOne(SmtpConnection connection, EmailDelivery delivery) {
            MimeMessage message;
            try {
                message = messages.compose(delivery);
            } catch (AddressException invalid) {
                refuse(delivery, "invalid address: " + invalid.getMessage());
                return;
            } catch (Exception e) {
                throw new IllegalStateException("cannot compose the message to " + delivery.recipient().address(), e);
            }
            try {
                send(connection, message, delivery);
            } catch (MessagingException dropped) {
                // The server closed the connection (idle timeout, restart, 421): once more on a new one.
                connection.drop();
                try {
                    send(connection, message, delivery);
                } catch (MessagingException again) {
                    connection.drop();
                    throw new IllegalStateException("SMTP server " + properties.host() + ":" + properties.port()
                            + " failed twice sending to " + delivery.recipient().address() + ": " + again.getMessage(), again);
                }
            }
        }

        /** Sends; a per-recipient answer is recorded here, anything else is thrown. */
        private void send(SmtpConnection connection, MimeMessage message, EmailDelivery delivery) throws MessagingException {
            try {
                connection.send(message);
            } catch (SendFailedException rejected) {
                if (serverAnswer(rejected).startsWith(CONNECTION_LOST)) {
                    // No server said this: the connection ended mid-transaction, which Jakarta Mail reports as
                    // the recipient left unsent. It is a dropped connection, sent again on a new one, not a 4xx.
                    throw rejected;
                }
                if (contains(rejected.getInvalidAddresses())) {
                    refuse(delivery, serverAnswer(rejected));
                    return;
                }
                if (contains(rejected.getValidUnsentAddresses())) {
                    deferred.incrementAndGet();
                    lastDeferral.set(serverAnswer(rejected));
                    ledger.release(delivery.key(), serverAnswer(rejected));
                    return;
                }
                throw rejected;
            }
            sent.incrementAndGet();
            marks.accepted(delivery.key(), message.getMessageID());
        }

        private void refuse(EmailDelivery delivery, String reason) {
            refused.incrementAndGet();
            LOG.info("BLACKSTART-EMAIL-002 {} refused notice '{}' of {}: {}", delivery.recipient().address(),
                    notice.step(), notice.incidentKey(), reason);
            ledger.markRefused(delivery.key(), reason);
        }

        @Override
        public void close() {
            try {
                marks.recordAll();
            } finally {
                marks.close();
                workers.shutdownNow();
                connections.forEach(SmtpConnection::close);
            }
        }
    }

    private static boolean contains(Address[] addresses) {
        return addresses != null && addresses.length > 0;
    }

    /** The server's own words ("550 5.1.1 no such user"), from the exception JavaMail chains to it. */
    /** Jakarta Mail's answer when the server closed the connection instead of answering. */
    private static final String CONNECTION_LOST = "[EOF]";

    private static String serverAnswer(MessagingException e) {
        Exception next = e.getNextException();
        String answer = next != null && next.getMessage() != null ? next.getMessage() : e.getMessage();
        return answer == null ? "refused" : answer.strip();
    }

    /** Some recipients were refused for now (4xx); the bridge's retry sends them. */
    static final class TemporarilyRefused extends RuntimeException {
        TemporarilyRefused(int count, String lastAnswer) {
            super(count + " recipients were refused for now and will be retried; last answer: " + lastAnswer);
        }
    }
}
