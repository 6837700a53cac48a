package org.blackstart.app.notice.catchup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.blackstart.spi.NoticeRecipient;
import org.junit.jupiter.api.Test;

class OwedRecipientsTest {

    private static final Instant T0 = Instant.parse("2026-12-08T01:00:00Z");
    private final Map<String, SentNotices.Notice> released = new LinkedHashMap<>();

    @Test
    void aCustomerTheInitialNoticeSkippedIsOwedTheLatestNotice() {
        // given
        SentNotices.Notice latest = released("update-2", 20);
        released("initial", 0);

        // when
        List<NoticeRecipient> owed = OwedRecipients.of(List.of(skip("initial", "Ann@Customer.example")), released,
                Map.of(), latest);

        // then
        assertThat(owed).extracting(NoticeRecipient::address).containsExactly("Ann@Customer.example");
    }

    @Test
    void aCustomerSentANewerNoticeByEmailAfterMailReturnedIsNotSentTheOldOne() {
        // given
        released("initial", 0);
        SentNotices.Notice latest = released("update-2", 20);

        // when
        List<NoticeRecipient> owed = OwedRecipients.of(List.of(skip("initial", "ann@customer.example")), released,
                Map.of("ann@customer.example", List.of("update-2")), latest);

        // then
        assertThat(owed).isEmpty();
    }

    @Test
    void aCatchUpOfTheLatestNoticeSettlesItAndASecondCatchUpSendsNothing() {
        // given
        SentNotices.Notice latest = released("initial", 0);

        // when
        List<NoticeRecipient> owed = OwedRecipients.of(List.of(skip("initial", "ann@customer.example"),
                        skip("initial", "bob@customer.example")), released,
                Map.of("ann@customer.example", List.of("catchup-initial")), latest);

        // then
        assertThat(owed).extracting(NoticeRecipient::address).containsExactly("bob@customer.example");
    }

    @Test
    void aCustomerCaughtUpAndThenSkippedByANewerNoticeIsOwedAgain() {
        // given
        released("initial", 0);
        SentNotices.Notice latest = released("update-2", 20);

        // when
        List<NoticeRecipient> owed = OwedRecipients.of(List.of(skip("initial", "ann@customer.example"),
                        skip("update-2", "ann@customer.example")), released,
                Map.of("ann@customer.example", List.of("catchup-initial")), latest);

        // then
        assertThat(owed).extracting(NoticeRecipient::address).containsExactly("ann@customer.example");
    }

    @Test
    void aSkipOfANoticeThatReachedNobodyCountsAsASkipOfTheLatestSoTheCatchUpSettlesIt() {
        // given: "resolved" was released after "update-2" but went out nowhere, so update-2 is the latest
        released("update-2", 20);
        released("resolved", 40);
        SentNotices.Notice latest = released.get("update-2");

        // when
        List<NoticeRecipient> owed = OwedRecipients.of(List.of(skip("resolved", "ann@customer.example")), released,
                Map.of("ann@customer.example", List.of("catchup-update-2")), latest);

        // then
        assertThat(owed).isEmpty();
    }

    @Test
    void anAddressSkippedByTwoNoticesIsOwedOnceWithItsNewestDetails() {
        // given
        released("initial", 0);
        SentNotices.Notice latest = released("update-2", 20);
        SkippedRecipients.Skipped first = new SkippedRecipients.Skipped("initial",
                new NoticeRecipient("ann@customer.example", "en", "Ann", "c-1", null), T0);
        SkippedRecipients.Skipped second = new SkippedRecipients.Skipped("update-2",
                new NoticeRecipient("ann@customer.example", "nl", "Ann de Vries", "c-1", null), T0.plusSeconds(20));

        // when
        List<NoticeRecipient> owed = OwedRecipients.of(List.of(first, second), released, Map.of(), latest);

        // then
        assertThat(owed).hasSize(1);
        assertThat(owed.get(0).language()).isEqualTo("nl");
        assertThat(owed.get(0).name()).isEqualTo("Ann de Vries");
    }

    private SentNotices.Notice released(String step, int seconds) {
        SentNotices.Notice notice = new SentNotices.Notice(step, "investigating", T0.plusSeconds(seconds),
                List.of(new SentNotices.Text("en", "Subject " + step, "Text of " + step)));
        released.put(step, notice);
        return notice;
    }

    private static SkippedRecipients.Skipped skip(String step, String address) {
        return new SkippedRecipients.Skipped(step, new NoticeRecipient(address, "en", null, null, null), T0);
    }
}
