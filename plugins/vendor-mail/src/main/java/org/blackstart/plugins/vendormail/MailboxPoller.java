package org.blackstart.plugins.vendormail;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.FolderClosedException;
import jakarta.mail.Message;
import jakarta.mail.MessageRemovedException;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.StoreClosedException;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.search.FlagTerm;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import org.blackstart.spi.SingleNodeLease;
import org.blackstart.spi.vendor.VendorInbox;
import org.blackstart.spi.vendor.VendorMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one mailbox: every unseen message is handed to the {@link VendorInbox} and marked
 * seen only after the inbox has taken it, whatever it made of it (a message without a known case is
 * parked there for a person). A message the inbox could not take stays unseen and is read again at
 * the next poll, so nothing a vendor wrote is lost between the mailbox and the platform. Only the node
 * holding the lease {@code vendor-poll:email:<account>} polls.
 *
 * <p>Several accounts may share one mailbox (one {@code incidents@} address for every vendor). It is
 * then read once, under the lease of its first account. Each message is read as the account whose
 * vendor sent it: its one From address is the account's {@code to} or {@code cc} address, or else at
 * the domain of {@code to}. A message from a sender no account knows (a stranger, a vendor writing
 * from an address its account does not name) is handed on under no account: the platform checks the
 * sender against the case vendor's own addresses and parks what it cannot vouch for. It used to be
 * read as the first account, which filed a stranger's mail under a vendor it had nothing to do with.
 */
public class MailboxPoller {

    private static final Logger LOG = LoggerFactory.getLogger(MailboxPoller.class);

    /** What the last poll did, for the plugin's health. */
    public record LastPoll(Instant at, boolean ok, int handedOn, int failed, String detail) {
    }

    private final String accountName;
    private final VendorMailProperties.Account account;
    private final Map<String, VendorMailProperties.Account> sharing;
    private final VendorInbox inbox;
    private final SingleNodeLease lease;
    private final Map<String, ReplyReader> readers = new LinkedHashMap<>();
    private final ReplyReader strangers;
    private final Session session;
    private final Clock clock;
    private final AtomicReference<LastPoll> last = new AtomicReference<>();

    MailboxPoller(String accountName, VendorMailProperties.Account account, VendorMailProperties properties,
                  VendorInbox inbox, SingleNodeLease lease, Clock clock) {
        this(Map.of(accountName, account), properties, inbox, lease, clock);
    }

    /** @param sharing accounts that read the same mailbox, the first one's name naming the lease */
    MailboxPoller(Map<String, VendorMailProperties.Account> sharing, VendorMailProperties properties,
                  VendorInbox inbox, SingleNodeLease lease, Clock clock) {
        this.sharing = new LinkedHashMap<>(sharing);
        Map.Entry<String, VendorMailProperties.Account> first = this.sharing.entrySet().iterator().next();
        this.accountName = first.getKey();
        this.account = first.getValue();
        this.inbox = inbox;
        this.lease = lease;
        this.clock = clock;
        this.sharing.forEach((name, a) -> readers.put(name, new ReplyReader(name, a, properties.maxAttachmentSize().toBytes())));
        // The first account's rules (case tag, keywords) read the case number and the kind; no account name goes with it.
        this.strangers = new ReplyReader(null, account, properties.maxAttachmentSize().toBytes());
        this.session = Session.getInstance(sessionProperties(properties.timeout()));
    }

    /** The accounts read from this mailbox. */
    public List<String> accountNames() {
        return List.copyOf(sharing.keySet());
    }

    /** The poll interval: the shortest of the accounts sharing the mailbox. */
    Duration pollInterval() {
        return sharing.values().stream().map(VendorMailProperties.Account::pollInterval).min(Duration::compareTo)
                .orElse(account.pollInterval());
    }

    public String leaseName() {
        return "vendor-poll:" + ReplyReader.SYSTEM + ":" + accountName;
    }

    public String accountName() {
        return accountName;
    }

    /** The last poll this node made; {@code null} before the first one or while another node polls. */
    public LastPoll lastPoll() {
        return last.get();
    }

    /**
     * One poll, if this node holds the lease. Never throws: a mailbox that cannot be read is
     * recorded for the health check and tried again at the next poll.
     *
     * @return how many messages were handed to the inbox, or -1 when another node holds the lease
     */
    public int poll() {
        // Longer than the interval, so the holder keeps it from poll to poll and another node takes
        // over within a few intervals when it stops.
        Duration ttl = pollInterval().multipliedBy(3);
        if (!lease.tryHold(leaseName(), ttl)) {
            LOG.debug("vendor-mail account '{}': another node polls the mailbox", accountName);
            return -1;
        }
        Store store = null;
        Folder folder = null;
        int handedOn = 0;
        int failed = 0;
        String lastFailure = null;
        try {
            store = session.getStore(account.imap().ssl() ? "imaps" : "imap");
            store.connect(account.imap().host(), account.imap().port(), account.imap().username(),
                    SmtpSender.blankToNull(account.imap().password()));
            folder = store.getFolder(account.imap().folder());
            folder.open(Folder.READ_WRITE);
            Message[] unseen = folder.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false));
            for (Message message : unseen) {
                try {
                    if (handOn((MimeMessage) message)) {
                        handedOn++;
                    }
                } catch (MessagingException | IOException | RuntimeException e) {
                    failed++;
                    lastFailure = e.getMessage();
                    LOG.warn("BLACKSTART-VENDORMAIL-011 vendor-mail account '{}': message {} could not be handed on, "
                            + "left unseen for the next poll: {}", accountName, message.getMessageNumber(), e.toString());
                }
            }
            last.set(new LastPoll(clock.instant(), failed == 0, handedOn, failed, failed == 0
                    ? unseen.length + " unseen, " + handedOn + " handed on"
                    : failed + " of " + unseen.length + " unseen messages could not be handed on and stay unseen: " + lastFailure));
            if (handedOn > 0 || failed > 0) {
                LOG.info("BLACKSTART-VENDORMAIL-010 vendor-mail account '{}': {} messages handed to the inbox, {} left unseen",
                        accountName, handedOn, failed);
            }
        } catch (MessagingException | RuntimeException e) {
            String why = describe(e);
            last.set(new LastPoll(clock.instant(), false, handedOn, failed, why));
            LOG.warn("BLACKSTART-VENDORMAIL-012 {}", why);
        } finally {
            close(folder, store);
        }
        return handedOn;
    }

    /** Hands one message on and marks it seen; true when the inbox got it, false for our own copy. */
    private boolean handOn(MimeMessage message) throws MessagingException, IOException {
        if (readers.values().stream().anyMatch(r -> r.isOurs(message))) {
            // Our own mail (a copy, a Bcc, an auto-reply loop): nothing a vendor said. Marked seen so
            // it is not read at every poll.
            message.setFlag(Flags.Flag.SEEN, true);
            return false;
        }
        ReplyReader reader = readerFor(message);
        VendorMessage read;
        try {
            read = reader.read(message);
        } catch (MessagingException | IOException | RuntimeException unreadable) {
            if (lostTheMailbox(message, unreadable)) {
                throw unreadable;
            }
            LOG.warn("BLACKSTART-VENDORMAIL-014 vendor-mail account '{}': message {} cannot be read and is handed on "
                    + "as such: {}", accountName, message.getMessageNumber(), unreadable.toString());
            read = reader.unreadable(message, unreadable);
        }
        VendorInbox.Outcome outcome = inbox.receive(read);
        // Only now: whatever the outcome, the platform has the message (a parked one waits for a person).
        message.setFlag(Flags.Flag.SEEN, true);
        LOG.info("BLACKSTART-VENDORMAIL-013 vendor-mail account '{}': {} from {} for case {} ({}): {}",
                read.account() == null ? "(none: unknown sender)" : read.account(),
                read.kind(), read.author(), read.caseNumber() == null ? "(none)" : read.caseNumber(), read.messageId(), outcome);
        return true;
    }

    /**
     * True when reading failed because the connection or the message went away, not because the
     * message is broken: it is left unseen and read again at the next poll. The folder's state tells
     * it whichever mail implementation is on the class path.
     */
    static boolean lostTheMailbox(Message message, Throwable failure) {
        if (message.isExpunged() || message.getFolder() == null || !message.getFolder().isOpen()) {
            return true;
        }
        for (Throwable cause = failure; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
            if (cause instanceof FolderClosedException || cause instanceof StoreClosedException
                    || cause instanceof MessageRemovedException || cause instanceof SocketException
                    || cause instanceof SocketTimeoutException) {
                return true;
            }
        }
        return false;
    }

    /** The account whose vendor sent the message, or the reader for strangers; see the class comment. */
    private ReplyReader readerFor(MimeMessage message) {
        String sender = ReplyReader.senderAddress(message);
        if (sender == null) {
            return strangers;
        }
        for (Map.Entry<String, VendorMailProperties.Account> entry : sharing.entrySet()) {
            VendorMailProperties.Account a = entry.getValue();
            if (a.to().equalsIgnoreCase(sender) || a.cc().stream().anyMatch(sender::equalsIgnoreCase)) {
                return readers.get(entry.getKey());
            }
        }
        String domain = domainOf(sender);
        for (Map.Entry<String, VendorMailProperties.Account> entry : sharing.entrySet()) {
            if (domain.equals(domainOf(entry.getValue().to()))) {
                return readers.get(entry.getKey());
            }
        }
        return strangers;
    }

    private static String domainOf(String address) {
        int at = address.lastIndexOf('@');
        return at < 0 ? "" : address.substring(at + 1).strip().toLowerCase(java.util.Locale.ROOT);
    }

    private String describe(Exception e) {
        String server = "vendor-mail account '" + accountName + "': IMAP server " + account.imap().host() + ":"
                + account.imap().port();
        if (e instanceof AuthenticationFailedException) {
            return server + " rejected the login";
        }
        if (causedBy(e, UnknownHostException.class)) {
            return server + ": the host name does not resolve";
        }
        if (causedBy(e, ConnectException.class)) {
            return server + " refused the connection";
        }
        if (e instanceof jakarta.mail.FolderNotFoundException) {
            return server + ": folder '" + account.imap().folder() + "' does not exist";
        }
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
        return server + " could not be read: " + message;
    }

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause() != t ? t.getCause() : null) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static void close(Folder folder, Store store) {
        try {
            if (folder != null && folder.isOpen()) {
                folder.close(false);
            }
        } catch (MessagingException | RuntimeException ignored) {
            // The connection is gone; the flags set so far are on the server already.
        }
        try {
            if (store != null) {
                store.close();
            }
        } catch (MessagingException | RuntimeException ignored) {
            // As above.
        }
    }

    private static Properties sessionProperties(Duration timeout) {
        String millis = String.valueOf(timeout.toMillis());
        Properties mail = new Properties();
        for (String protocol : new String[] {"imap", "imaps"}) {
            mail.put("mail." + protocol + ".connectiontimeout", millis);
            mail.put("mail." + protocol + ".timeout", millis);
            mail.put("mail." + protocol + ".writetimeout", millis);
            // Reading a message must not mark it seen: only a message the inbox took is marked.
            mail.put("mail." + protocol + ".peek", "true");
            mail.put("mail." + protocol + ".ssl.checkserveridentity", "true");
        }
        return mail;
    }
}
