package org.blackstart.plugins.vendormail;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Flags;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.blackstart.spi.PluginHealth;
import org.blackstart.spi.vendor.VendorCase;
import org.blackstart.spi.vendor.VendorInbox;
import org.blackstart.spi.vendor.VendorMessage;
import org.blackstart.testkit.LocalServers;
import org.blackstart.testkit.vendor.InMemorySingleNodeLease;
import org.blackstart.testkit.vendor.InMemoryVendorInbox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Reading vendors' replies from a real IMAP mailbox (GreenMail) into the vendor inbox. */
class MailboxPollerTest {

    private static final String SUBJECT = "Re: [Case " + MailFixtures.CASE + "] P2 Array A latency above 2 s";

    private final GreenMail mail = LocalServers.mailServer();
    private final InMemoryVendorInbox inbox = new InMemoryVendorInbox().knowCase("email", MailFixtures.CASE);
    private final InMemorySingleNodeLease lease = new InMemorySingleNodeLease();
    private GreenMailUser mailbox;
    private VendorMailProperties properties;

    @BeforeEach
    void start() {
        mail.start();
        mailbox = MailFixtures.ourMailbox(mail);
        properties = MailFixtures.properties(mail, Duration.ofMinutes(1));
    }

    @AfterEach
    void stop() {
        mail.stop();
    }

    private MailboxPoller poller(VendorInbox target, InMemorySingleNodeLease node) {
        return new MailboxPoller("storeco", properties.accounts().get("storeco"), properties, target, node, Clock.systemUTC());
    }

    /** The Message-ID our case e-mail for {@link MailFixtures#CASE} went out with. */
    private String openingMessageId() {
        VendorCase open = new VendorCase("INC-2026-0001", "storeco", "StoreCo", "email", "storeco", "open", null, null, 2,
                "SEV2", "Array A latency above 2 s", "");
        return new CaseMail(properties.accounts().get("storeco")).openingMessageId(open);
    }

    private MailboxPoller poller() {
        return poller(inbox, lease);
    }

    /** Whether each message in our INBOX is flagged \Seen, in arrival order. */
    private List<Boolean> seenFlags() throws Exception {
        var folder = mail.getManagers().getImapHostManager().getInbox(mailbox);
        return folder.getMessages().stream().map(m -> m.getFlags().contains(Flags.Flag.SEEN)).toList();
    }

    @Test
    void aVendorRequestWithALogFileIsHandedOnOnceWithItsFileAndMarkedSeen() throws Exception {
        mailbox.deliver(MailFixtures.vendorMailWithFile(SUBJECT,
                "Hello,\n\nPlease send the controller logs of array A from 09:00 to 10:00.\n\nRegards, StoreCo Support\n\n"
                        + "On Mon, 23 Nov 2026 at 09:30, Hosting Ops <incidents@blackstart.local> wrote:\n"
                        + "> Latency on array A since the 4.2.1 patch; mail is queueing.\n",
                "storeco-analysis.txt", "controller 0: cache battery degraded\n"));

        int first = poller().poll();
        int second = poller().poll();

        assertThat(first).isEqualTo(1);
        assertThat(second).isZero();
        assertThat(inbox.delivered()).hasSize(1);
        VendorMessage message = inbox.delivered().get(0);
        assertThat(message.system()).isEqualTo("email");
        assertThat(message.account()).isEqualTo("storeco");
        assertThat(message.caseNumber()).isEqualTo(MailFixtures.CASE);
        assertThat(message.kind()).isEqualTo(VendorMessage.Kind.REQUEST);
        assertThat(message.author()).isEqualTo("StoreCo Support <support@storeco.example>");
        assertThat(message.subject()).isEqualTo(SUBJECT);
        assertThat(message.text()).startsWith("Hello,").contains("Please send the controller logs")
                .doesNotContain("wrote:").doesNotContain("mail is queueing");
        assertThat(message.messageId()).startsWith("<").endsWith(">");
        assertThat(message.attachments()).singleElement().satisfies(file -> {
            assertThat(file.fileName()).isEqualTo("storeco-analysis.txt");
            assertThat(file.contentType()).isEqualTo("text/plain");
            assertThat(new String(file.content(), StandardCharsets.UTF_8)).isEqualTo("controller 0: cache battery degraded\n");
        });
        assertThat(seenFlags()).containsExactly(true);
    }

    @Test
    void theKindIsReadFromWhatTheVendorWroteNotFromOurQuotedMail() throws Exception {
        mailbox.deliver(MailFixtures.vendorMail(SUBJECT, "This is not a defect of the array: it is a configuration issue "
                + "on your side. Please send the zoning config.\n\n> Please provide an analysis\n"));
        mailbox.deliver(MailFixtures.vendorMail(SUBJECT, "Firmware 4.2.2 has been corrected and the fault is fixed.\n\n"
                + "-----Original Message-----\nFrom: Hosting Ops <incidents@blackstart.local>\nCan you send the logs?\n"));
        mailbox.deliver(MailFixtures.vendorMail(SUBJECT, "The issue is still unresolved; our engineer is on it.\n\n"
                + "> Could you please confirm this is resolved?\n"));

        poller().poll();

        assertThat(inbox.delivered()).extracting(VendorMessage::kind)
                .containsExactly(VendorMessage.Kind.DISPUTE, VendorMessage.Kind.RESOLVED, VendorMessage.Kind.REPLY);
    }

    @Test
    void anHtmlOnlyReplyIsReadAsText() throws Exception {
        MimeMessage html = MailFixtures.vendorMail(SUBJECT, "");
        html.setContent("<html><head><style>p{color:red}</style></head><body><p>We have applied a fix &amp; "
                + "restarted controller&nbsp;0.</p><p>The latency is resolved.</p><blockquote>Please send logs</blockquote>"
                + "</body></html>", "text/html; charset=UTF-8");
        html.saveChanges();
        mailbox.deliver(html);

        poller().poll();

        VendorMessage message = inbox.delivered().get(0);
        assertThat(message.text()).isEqualTo("We have applied a fix & restarted controller 0.\nThe latency is resolved.");
        assertThat(message.kind()).isEqualTo(VendorMessage.Kind.RESOLVED);
    }

    @Test
    void aReplyWithAnUnknownOrNoCaseNumberIsHandedOnToBeParkedAndMarkedSeen() throws Exception {
        mailbox.deliver(MailFixtures.vendorMail("Re: [Case INC-2025-0999-STORECO] old case", "Following up."));
        mailbox.deliver(MailFixtures.vendorMail("Quarterly maintenance window", "Dear customer, maintenance on Sunday."));

        int handedOn = poller().poll();

        assertThat(handedOn).isEqualTo(2);
        assertThat(inbox.delivered()).isEmpty();
        assertThat(inbox.parked()).extracting(VendorMessage::caseNumber).containsExactly("INC-2025-0999-STORECO", null);
        assertThat(seenFlags()).containsExactly(true, true);
    }

    @Test
    void aCaseNumberWithoutBracketsOrInLowerCaseStillFindsTheCase() throws Exception {
        mailbox.deliver(MailFixtures.vendorMail("RE: case inc-2026-0001-storeco - update", "Working on it."));
        mailbox.deliver(MailFixtures.vendorMail("Your ticket #INC-2026-0001-STORECO", "Assigned to an engineer."));

        poller().poll();

        assertThat(inbox.delivered()).extracting(VendorMessage::caseNumber)
                .containsExactly(MailFixtures.CASE, MailFixtures.CASE);
    }

    @Test
    void aReplyWhoseSubjectLostTheCaseTagFindsTheCaseByTheMessageItAnswers() throws Exception {
        String opening = openingMessageId();
        MimeMessage reply = MailFixtures.vendorMail("RE: SR 88213 - storage latency", "Please send the controller logs.");
        reply.setHeader("In-Reply-To", opening);
        reply.setHeader("References", opening);
        mailbox.deliver(reply);

        poller().poll();

        assertThat(inbox.delivered()).singleElement().satisfies(message -> {
            assertThat(message.caseNumber()).isEqualTo(MailFixtures.CASE);
            assertThat(message.kind()).isEqualTo(VendorMessage.Kind.REQUEST);
        });
        assertThat(inbox.parked()).isEmpty();
    }

    @Test
    void aThreadHeaderWrittenAsEncodedWordsStillNamesTheCase() throws Exception {
        String opening = openingMessageId();
        MimeMessage reply = MailFixtures.vendorMail("RE: SR 88213 - storage latency", "We are on it.");
        // As Python's e-mail package writes a Message-ID longer than a line.
        String encoded = opening.replace("<", "=3C").replace(">", "=3E").replace("@", "=40").replace(".", "=2E");
        reply.setHeader("In-Reply-To", "=?utf-8?q?" + encoded.substring(0, 50) + "?=\r\n =?utf-8?q?"
                + encoded.substring(50) + "?=");
        mailbox.deliver(reply);

        poller().poll();

        assertThat(inbox.delivered()).extracting(VendorMessage::caseNumber).containsExactly(MailFixtures.CASE);
    }

    @Test
    void aMessageWhoseBodyCannotBeParsedStillReachesItsCaseOnceAndLeavesTheMailboxHealthy() throws Exception {
        String raw = "From: StoreCo Support <support@storeco.example>\r\n"
                + "To: " + MailFixtures.OURS + "\r\n"
                + "Subject: " + SUBJECT + "\r\n"
                + "Message-ID: <broken-1@storeco.example>\r\n"
                + "MIME-Version: 1.0\r\n"
                // A charset no Java runtime knows: the text cannot be decoded.
                + "Content-Type: text/plain; charset=x-storeco-legacy\r\n\r\n"
                + "Please send the logs.\r\n";
        mailbox.deliver(new MimeMessage(jakarta.mail.Session.getInstance(new java.util.Properties()),
                new java.io.ByteArrayInputStream(raw.getBytes(StandardCharsets.US_ASCII))));

        MailboxPoller poller = poller();
        assertThat(poller.poll()).isEqualTo(1);
        assertThat(poller.poll()).isZero();

        assertThat(inbox.delivered()).singleElement().satisfies(message -> {
            assertThat(message.caseNumber()).isEqualTo(MailFixtures.CASE);
            assertThat(message.messageId()).isEqualTo("<broken-1@storeco.example>");
            assertThat(message.author()).isEqualTo("StoreCo Support <support@storeco.example>");
            assertThat(message.text()).startsWith("(This e-mail could not be read (UnsupportedEncodingException: x-storeco-legacy)").contains("folder INBOX")
                    .doesNotContain(MailFixtures.PASSWORD);
        });
        assertThat(seenFlags()).containsExactly(true);
        assertThat(poller.lastPoll().ok()).isTrue();
    }

    @Test
    void aMessageTheInboxCouldNotTakeStaysUnseenAndIsDeliveredAtTheNextPoll() throws Exception {
        mailbox.deliver(MailFixtures.vendorMail(SUBJECT, "We are looking into it."));
        AtomicInteger calls = new AtomicInteger();
        VendorInbox failingOnce = message -> {
            if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("database unavailable");
            }
            return inbox.receive(message);
        };
        MailboxPoller poller = poller(failingOnce, lease);

        assertThat(poller.poll()).isZero();
        assertThat(seenFlags()).containsExactly(false);
        assertThat(poller.lastPoll().ok()).isFalse();
        assertThat(new VendorMailPlugin(properties, List.of(poller)).health().status()).isEqualTo(PluginHealth.Status.DOWN);

        assertThat(poller.poll()).isEqualTo(1);
        assertThat(inbox.delivered()).extracting(VendorMessage::text).containsExactly("We are looking into it.");
        assertThat(seenFlags()).containsExactly(true);
        assertThat(new VendorMailPlugin(properties, List.of(poller)).health().status()).isEqualTo(PluginHealth.Status.UP);
    }

    @Test
    void ourOwnMessagesAreSkipped() throws Exception {
        MimeMessage ours = MailFixtures.vendorMail(SUBJECT, "Please send an update.");
        ours.setFrom(new jakarta.mail.internet.InternetAddress(MailFixtures.OURS, "Hosting Ops"));
        ours.saveChanges();
        mailbox.deliver(ours);

        assertThat(poller().poll()).isZero();

        assertThat(inbox.delivered()).isEmpty();
        assertThat(inbox.parked()).isEmpty();
    }

    @Test
    void onlyTheNodeHoldingTheLeasePolls() throws Exception {
        mailbox.deliver(MailFixtures.vendorMail(SUBJECT, "We are looking into it."));
        MailboxPoller other = poller(inbox, lease.cluster());
        assertThat(poller().leaseName()).isEqualTo("vendor-poll:email:storeco");
        // This node holds the lease, as if it polled a moment ago.
        assertThat(lease.tryHold(poller().leaseName(), Duration.ofMinutes(3))).isTrue();

        assertThat(other.poll()).isEqualTo(-1);

        assertThat(inbox.delivered()).isEmpty();
        assertThat(seenFlags()).containsExactly(false);
        assertThat(other.lastPoll()).isNull();
    }

    @Test
    void anUnreachableMailboxIsReportedByTheHealthWithoutThePassword() {
        MailboxPoller poller = poller();
        int port = mail.getImap().getPort();
        mail.stop();

        assertThat(poller.poll()).isZero();

        PluginHealth health = new VendorMailPlugin(properties, List.of(poller)).health();
        assertThat(health.status()).isEqualTo(PluginHealth.Status.DOWN);
        assertThat(health.detail()).contains("storeco").contains("IMAP server 127.0.0.1:" + port + " refused the connection")
                .doesNotContain(MailFixtures.PASSWORD);
    }

    @Test
    void aWrongPasswordIsReportedAsARejectedLogin() {
        mail.setUser(MailFixtures.OURS, MailFixtures.OURS, "another-password");
        MailboxPoller poller = poller();

        poller.poll();

        assertThat(poller.lastPoll().ok()).isFalse();
        assertThat(poller.lastPoll().detail()).contains("rejected the login").doesNotContain(MailFixtures.PASSWORD);
    }

    @Test
    void accountsSharingOneMailboxReadItOnceAndEachReplyAsItsVendorsAccount() throws Exception {
        var storeco = properties.accounts().get("storeco");
        var hostly = new VendorMailProperties.Account("noc@hostly.example", List.of(), MailFixtures.OURS, "Hosting Ops",
                storeco.smtp(), storeco.imap(), storeco.pollInterval(), "Case", List.of("please send"), List.of("not our"),
                List.of("resolved"));
        inbox.knowCase("email", "INC-2026-0001-HOSTLY");
        mailbox.deliver(MailFixtures.vendorMail(SUBJECT, "We are looking into it."));
        MimeMessage fromHostly = MailFixtures.vendorMail("Re: [Case INC-2026-0001-HOSTLY] P1 Rack A3 power",
                "Our technician is on site; the fault is not our PDU.");
        fromHostly.setFrom(new jakarta.mail.internet.InternetAddress("tech.jansen@hostly.example", "Jan Jansen"));
        fromHostly.saveChanges();
        mailbox.deliver(fromHostly);
        var shared = new java.util.LinkedHashMap<String, VendorMailProperties.Account>();
        shared.put("hostly", hostly);
        shared.put("storeco", storeco);
        MailboxPoller poller = new MailboxPoller(shared, properties, inbox, lease, Clock.systemUTC());

        assertThat(poller.poll()).isEqualTo(2);

        assertThat(poller.leaseName()).isEqualTo("vendor-poll:email:hostly");
        assertThat(inbox.delivered()).extracting(VendorMessage::account, VendorMessage::caseNumber, VendorMessage::kind)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("storeco", MailFixtures.CASE, VendorMessage.Kind.REPLY),
                        org.assertj.core.groups.Tuple.tuple("hostly", "INC-2026-0001-HOSTLY", VendorMessage.Kind.DISPUTE));
    }

    @Test
    void aMailServerThatLetsAnyLoginInIsReadAsTheDemoReadsIt() throws Exception {
        GreenMail demo = LocalServers.mailServer().withConfiguration(
                com.icegreen.greenmail.configuration.GreenMailConfiguration.aConfig().withDisabledAuthentication());
        demo.start();
        try {
            // The vendor's reply arrives by SMTP before the mailbox was ever logged in to.
            com.icegreen.greenmail.util.GreenMailUtil.sendTextEmail(MailFixtures.OURS, MailFixtures.VENDOR, SUBJECT,
                    "We are looking into it.", demo.getSmtp().getServerSetup());
            var account = properties.accounts().get("storeco");
            var imap = new VendorMailProperties.Imap("127.0.0.1", demo.getImap().getPort(), false, MailFixtures.OURS,
                    "demo", "INBOX");
            var onDemo = new VendorMailProperties.Account(account.to(), account.cc(), account.from(), account.fromName(),
                    account.smtp(), imap, account.pollInterval(), account.caseTag(), account.requestKeywords(),
                    account.disputeKeywords(), account.resolvedKeywords());
            MailboxPoller poller = new MailboxPoller("storeco", onDemo, properties, inbox, lease, Clock.systemUTC());

            assertThat(poller.poll()).as(String.valueOf(poller.lastPoll())).isEqualTo(1);
            assertThat(inbox.delivered()).extracting(VendorMessage::text).containsExactly("We are looking into it.");
        } finally {
            demo.stop();
        }
    }

    @Test
    void aFileLargerThanTheLimitStaysInTheMailboxAndTheMessageSaysSo() throws Exception {
        properties = new VendorMailProperties(true, properties.accounts(), properties.claimLease(), properties.timeout(),
                org.springframework.util.unit.DataSize.ofBytes(16));
        mailbox.deliver(MailFixtures.vendorMailWithFile(SUBJECT, "The full dump is attached.", "core.dump",
                "0123456789abcdef0123456789abcdef"));

        poller().poll();

        VendorMessage message = inbox.delivered().get(0);
        assertThat(message.attachments()).isEmpty();
        assertThat(message.text()).startsWith("The full dump is attached.")
                .endsWith("(Left in the mailbox, larger than 16 bytes: core.dump)");
    }

    /** The demo's two e-mail vendors on one mailbox, hostly first, as the attack found them. */
    private MailboxPoller sharedWithHostly() {
        var storeco = properties.accounts().get("storeco");
        var hostly = new VendorMailProperties.Account("noc@hostly.example", List.of(), MailFixtures.OURS, "Hosting Ops",
                storeco.smtp(), storeco.imap(), storeco.pollInterval(), "Case", List.of("please send"), List.of("not our"),
                List.of("resolved"));
        var shared = new java.util.LinkedHashMap<String, VendorMailProperties.Account>();
        shared.put("hostly", hostly);
        shared.put("storeco", storeco);
        return new MailboxPoller(shared, properties, inbox, lease, Clock.systemUTC());
    }

    @Test
    void aStrangersMailWithTheCaseSubjectIsHandedOnUnderNoAccountWithItsRealSender() throws Exception {
        // given: the attack, a stranger quoting StoreCo's case number in a mailbox shared with Hostly
        MimeMessage stranger = MailFixtures.vendorMail("[Case " + MailFixtures.CASE + "] ok", "ok");
        stranger.setFrom(new jakarta.mail.internet.InternetAddress("x@evil.example"));
        stranger.saveChanges();
        mailbox.deliver(stranger);

        // when
        sharedWithHostly().poll();

        // then: it is not read as Hostly's (or anyone's), and the platform sees who sent it
        VendorMessage handedOn = inbox.delivered().get(0);
        assertThat(handedOn.account()).isNull();
        assertThat(handedOn.mail().from()).containsExactly("x@evil.example");
        assertThat(handedOn.mail().singleFrom()).isEqualTo("x@evil.example");
        assertThat(seenFlags()).containsExactly(true);
    }

    @Test
    void onlyTheFromHeaderNamesTheSenderNeverSenderOrReplyTo() throws Exception {
        // given: a stranger's From with StoreCo's address in Sender and Reply-To and in the display name
        String raw = "From: \"support@storeco.example\" <x@evil.example>\r\n"
                + "Sender: support@storeco.example\r\n"
                + "Reply-To: support@storeco.example\r\n"
                + "To: " + MailFixtures.OURS + "\r\n"
                + "Subject: " + SUBJECT + "\r\n"
                + "Message-ID: <trick-1@evil.example>\r\n\r\n"
                + "ok\r\n";
        // and a message with no From at all, only a Sender
        String noFrom = "Sender: support@storeco.example\r\nTo: " + MailFixtures.OURS + "\r\nSubject: " + SUBJECT
                + "\r\nMessage-ID: <trick-2@evil.example>\r\n\r\nok\r\n";
        // and one with two From addresses
        String twoFrom = "From: support@storeco.example, x@evil.example\r\nTo: " + MailFixtures.OURS + "\r\nSubject: "
                + SUBJECT + "\r\nMessage-ID: <trick-3@evil.example>\r\n\r\nok\r\n";
        for (String message : List.of(raw, noFrom, twoFrom)) {
            mailbox.deliver(new MimeMessage(jakarta.mail.Session.getInstance(new java.util.Properties()),
                    new java.io.ByteArrayInputStream(message.getBytes(StandardCharsets.US_ASCII))));
        }

        // when
        sharedWithHostly().poll();

        // then
        assertThat(inbox.delivered()).extracting(VendorMessage::account).containsOnlyNulls();
        assertThat(inbox.delivered()).extracting(m -> m.mail().from()).containsExactly(List.of("x@evil.example"), List.of(),
                List.of("support@storeco.example", "x@evil.example"));
        assertThat(inbox.delivered()).extracting(m -> m.mail().singleFrom()).containsExactly("x@evil.example", null, null);
        assertThat(inbox.delivered().get(0).author()).contains("x@evil.example");
    }

    @Test
    void ourMailServersDmarcVerdictGoesWithTheMessageNotTheOneItCameWith() throws Exception {
        // given: our server's verdict on top, folded; a forged "pass" below it
        String raw = "Authentication-Results: mx.blackstart.local;\r\n"
                + "\tspf=fail smtp.mailfrom=evil.example;\r\n"
                + "\tdmarc=fail (p=reject) header.from=storeco.example\r\n"
                + "Authentication-Results: mx.storeco.example; dmarc=pass header.from=storeco.example\r\n"
                + "From: StoreCo Support <support@storeco.example>\r\n"
                + "To: " + MailFixtures.OURS + "\r\n"
                + "Subject: " + SUBJECT + "\r\n"
                + "Message-ID: <spoof-1@evil.example>\r\n\r\n"
                + "The fault is resolved.\r\n";
        mailbox.deliver(new MimeMessage(jakarta.mail.Session.getInstance(new java.util.Properties()),
                new java.io.ByteArrayInputStream(raw.getBytes(StandardCharsets.US_ASCII))));

        // when
        poller().poll();

        // then: the plugin reports it, the platform parks it
        VendorMessage handedOn = inbox.delivered().get(0);
        assertThat(handedOn.mail().singleFrom()).isEqualTo("support@storeco.example");
        assertThat(handedOn.mail().dmarc()).isEqualTo("fail");
        assertThat(handedOn.mail().dmarcFailed()).isTrue();
    }

    @Test
    @org.junit.jupiter.api.Timeout(value = 10, unit = java.util.concurrent.TimeUnit.SECONDS)
    void aTwoMegabyteBodyOfAngleBracketsIsCutAndHandedOnWithoutStallingThePoll() throws Exception {
        // given: an HTML-only reply and a plain one, each 2 MB of '<'
        MimeMessage html = MailFixtures.vendorMail(SUBJECT, "");
        html.setContent("<".repeat(2 * 1024 * 1024), "text/html; charset=UTF-8");
        html.saveChanges();
        mailbox.deliver(html);
        mailbox.deliver(MailFixtures.vendorMail(SUBJECT, "<".repeat(2 * 1024 * 1024)));
        mailbox.deliver(MailFixtures.vendorMail(SUBJECT, "Please send the controller logs."));
        MailboxPoller poller = poller();

        // when
        int handedOn = poller.poll();

        // then: all three reach the case, the cut ones saying so, and the mailbox stays healthy
        assertThat(handedOn).isEqualTo(3);
        assertThat(poller.lastPoll().ok()).isTrue();
        assertThat(inbox.delivered()).hasSize(3);
        for (VendorMessage cut : inbox.delivered().subList(0, 2)) {
            assertThat(cut.caseNumber()).isEqualTo(MailFixtures.CASE);
            assertThat(cut.text()).hasSizeLessThan(ReplyReader.MAX_TEXT + 300)
                    .endsWith("was cut here; the whole e-mail is in the case mailbox, folder INBOX.)");
        }
        assertThat(inbox.delivered().get(2).text()).isEqualTo("Please send the controller logs.");
        assertThat(seenFlags()).containsExactly(true, true, true);
    }
}
