package org.blackstart.plugins.vendormail;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.blackstart.spi.DeliveryLedger;
import org.blackstart.spi.SingleNodeLease;
import org.blackstart.spi.vendor.CaseEvidence;
import org.blackstart.spi.vendor.VendorInbox;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;

/**
 * Active when {@code blackstart.plugins.vendor-mail.enabled=true} and at least one account is
 * configured; every account is then validated, and a bad one stops the start with its property path.
 * It serves the platform's vendor escalation, so it needs the platform's ledger, evidence, inbox and
 * lease.
 */
@AutoConfiguration
@ConditionalOnProperty(prefix = "blackstart.plugins.vendor-mail", name = "enabled", havingValue = "true")
@Conditional(AccountsConfigured.class)
@ConditionalOnBean({DeliveryLedger.class, CaseEvidence.class, VendorInbox.class, SingleNodeLease.class})
@EnableConfigurationProperties(VendorMailProperties.class)
public class VendorMailAutoConfiguration {

    @Bean
    VendorMailAccounts vendorMailAccounts(VendorMailProperties properties) {
        return new VendorMailAccounts(properties);
    }

    @Bean
    CaseMailer vendorCaseMailer(VendorMailAccounts accounts, VendorMailProperties properties, DeliveryLedger ledger,
                                CaseEvidence evidence) {
        return new CaseMailer(accounts, ledger, evidence, properties.claimLease());
    }

    @Bean
    MailboxPollers vendorMailboxPollers(VendorMailProperties properties, VendorInbox inbox, SingleNodeLease lease) {
        // Accounts that read the same mailbox share one poller: two would race for the same messages.
        Map<String, Map<String, VendorMailProperties.Account>> byMailbox = new LinkedHashMap<>();
        new TreeMap<>(properties.accounts()).forEach((name, account) -> byMailbox.computeIfAbsent(mailbox(account.imap()),
                key -> new LinkedHashMap<>()).put(name, account));
        List<MailboxPoller> pollers = new ArrayList<>();
        byMailbox.values().forEach(sharing ->
                pollers.add(new MailboxPoller(sharing, properties, inbox, lease, Clock.systemUTC())));
        return new MailboxPollers(pollers);
    }

    private static String mailbox(VendorMailProperties.Imap imap) {
        return String.join("\u001f", imap.host().strip().toLowerCase(Locale.ROOT), String.valueOf(imap.port()),
                imap.username().strip().toLowerCase(Locale.ROOT), imap.folder().strip());
    }

    @Bean
    VendorMailPlugin vendorMailPlugin(VendorMailProperties properties, MailboxPollers pollers) {
        return new VendorMailPlugin(properties, pollers.all());
    }

    @Bean
    VendorMailRoutes vendorMailRoutes(CaseMailer mailer, MailboxPollers pollers) {
        return new VendorMailRoutes(mailer, pollers.all());
    }
}
