package org.blackstart.app.notice;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.blackstart.app.notice.NoticeDrafter.Audience;
import org.blackstart.app.notice.NoticeDrafter.Reader;
import org.blackstart.spi.NoticeRecipient;
import org.junit.jupiter.api.Test;

/**
 * The audience line the agent and the commander read: the languages count people, the channels
 * count messages, and each adds up. It once said "5 customers ... en 1, nl 3, de 2, fr 1", counting
 * a customer who takes e-mail and SMS twice.
 */
class NoticeAudienceSummaryTest {

    private final List<JdbcNoticeAudience.Entry> entries = new ArrayList<>();
    private final List<Reader> readers = new ArrayList<>();

    @Test
    void languagesCountPeopleAndAddUpToTheCustomersAndSubscribers() {
        // given five customers, two of whom take e-mail and SMS, one key account, and two subscribers
        customer("en", "email");
        customer("nl", "email", "sms");
        customer("nl", "email");
        customer("nl-BE", "email", "sms", "phone");
        customer("de", "email");
        subscriber("en");
        subscriber("de");

        // when the summary is written
        String summary = new Audience(entries, readers, "en").summary(Set.of("mail"));

        // then it says who and how, and the numbers add up
        assertThat(summary).isEqualTo("**Audience:** 5 customers of mail and 2 status page subscribers, 7 people reading "
                + "en 2, nl 3, de 2. Messages: 7 by e-mail, 2 by SMS; 1 key account to call.");
        assertThat(sum(after(summary, "reading"))).as("people by language").isEqualTo(5 + 2);
        assertThat(sum(after(summary, "Messages:").replaceAll(";.*", ""))).as("messages by channel").isEqualTo(entries.stream()
                .filter(e -> !e.channel().equals("phone")).count());
    }

    @Test
    void aLanguageTheFormHasNoDraftForIsCountedAsTheDefaultLanguageItReads() {
        // given a Spanish-speaking customer, who reads the default language, and a French one
        customer("es", "email");
        customer("fr", "email");

        // when the summary and the French section are written
        Audience audience = new Audience(entries, readers, "en");

        // then the Spanish reader is counted under English
        assertThat(audience.summary(Set.of())).contains("2 customers of every service and 0 status page subscribers, "
                + "2 people reading en 1, fr 1.");
        assertThat(audience.describe("fr")).isEqualTo("Read by 1 person: 1 by e-mail, 0 by SMS.");
        assertThat(audience.describe("en")).isEqualTo("Read by 1 person: 1 by e-mail, 0 by SMS.");
    }

    @Test
    void aCustomerNoChannelReachesIsCountedAndSaidToGetNothing() {
        // given one customer reached by e-mail and one who chose SMS but has no phone on file
        customer("en", "email");
        readers.add(new Reader("en", false, false));

        // when the timeline line is written
        String line = new Audience(entries, readers, "en").line();

        // then both are counted and the one who gets nothing is named as such
        assertThat(line).isEqualTo("2 customers and 0 status page subscribers, 2 people reading en 2; 1 by e-mail, 0 by SMS, "
                + "0 key accounts to call; 1 customer gets nothing: no channel they chose has an address on file");
    }

    @Test
    void eachLanguageSectionSaysHowManyPeopleReadIt() {
        // given two Dutch customers, one of them a key account on e-mail and SMS
        customer("nl", "email");
        customer("nl", "email", "sms", "phone");

        // when the Dutch section's line is written
        String nl = new Audience(entries, readers, "en").describe("nl");

        // then it counts two people and their three messages and one call
        assertThat(nl).isEqualTo("Read by 2 people: 2 by e-mail, 1 by SMS, 1 key account to call.");
    }

    private void customer(String language, String... channels) {
        int n = readers.size() + 1;
        for (String channel : channels) {
            String address = channel.equals("email") ? "c" + n + "@customer.example" : "+3161234567" + n;
            entries.add(new JdbcNoticeAudience.Entry(channel,
                    new NoticeRecipient(address, language.substring(0, 2), "Customer " + n, "C" + n, null)));
        }
        readers.add(new Reader(language.substring(0, 2), false, channels.length > 0));
    }

    private void subscriber(String language) {
        int n = readers.size() + 1;
        entries.add(new JdbcNoticeAudience.Entry("email", new NoticeRecipient("s" + n + "@reader.example", language, null,
                null, "https://status.example/unsubscribe?token=" + n)));
        readers.add(new Reader(language, true, true));
    }

    private static String after(String text, String marker) {
        return text.substring(text.indexOf(marker) + marker.length());
    }

    private static long sum(String text) {
        long sum = 0;
        Matcher numbers = Pattern.compile("\\b(\\d+)\\b").matcher(text.replaceAll("\\..*", ""));
        while (numbers.find()) {
            sum += Long.parseLong(numbers.group(1));
        }
        return sum;
    }
}
