package org.blackstart.spi;

import java.util.List;

/**
 * Who a notice goes to on a channel. The platform fixes the audience when it drafts the notice, from
 * the customer directory and the status page's subscribers, so a retry, a restart or an edit of the
 * directory meanwhile never changes who receives a notice already approved. Channel plugins read it
 * in pages, because an audience may hold a hundred thousand addresses.
 */
public interface NoticeAudience {

    /**
     * Recipients of the notice on {@code channel}, in address order, after {@code afterAddress}
     * ({@code null} for the first page), at most {@code limit}.
     */
    List<NoticeRecipient> page(String incidentKey, String step, String channel, String afterAddress, int limit);

    /** How many recipients the notice has on {@code channel}. */
    long count(String incidentKey, String step, String channel);
}
