package org.blackstart.plugins.servicenow;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.blackstart.spi.PluginState;
import org.blackstart.spi.vendor.VendorAttachment;

/**
 * The files a vendor attached to a case that the platform has not received yet. ServiceNow does not
 * link attachments to journal entries, so they travel with the next vendor message of their case,
 * whether it came by webhook or by polling; which ones went is kept in {@link PluginState}, so that
 * neither a restart nor the other path sends a file twice.
 */
class VendorFiles {

    /** Files found, with their attachment sys_ids to mark once a message carried them. */
    record Found(List<String> ids, List<VendorAttachment> files) {
        static final Found NONE = new Found(List.of(), List.of());

        boolean isEmpty() {
            return files.isEmpty();
        }
    }

    private final PluginState state;

    VendorFiles(PluginState state) {
        this.state = state;
    }

    /** The vendor's files on record {@code sysId} not received yet, created at or after {@code since} (any if null). */
    Found newOn(ServiceNowApi api, String sysId, String since) {
        if (sysId == null) {
            return Found.NONE;
        }
        List<String> ids = new ArrayList<>();
        List<VendorAttachment> files = new ArrayList<>();
        for (JsonNode file : api.attachments(sysId)) {
            String id = CaseEvent.text(file, "sys_id");
            String created = CaseEvent.text(file, "sys_created_on");
            String author = CaseEvent.text(file, "sys_created_by");
            if (id == null || (author != null && author.equalsIgnoreCase(api.account().username()))
                    || (since != null && created != null && created.compareTo(since) < 0)
                    || state.get(ServiceNowPoller.PLUGIN, key(api, id)).isPresent()) {
                continue;
            }
            ids.add(id);
            files.add(new VendorAttachment(CaseEvent.text(file, "file_name"), CaseEvent.text(file, "content_type"),
                    api.download(id)));
        }
        return files.isEmpty() ? Found.NONE : new Found(List.copyOf(ids), List.copyOf(files));
    }

    /** Records that a message the inbox took carried these files. */
    void received(ServiceNowApi api, Found found) {
        found.ids().forEach(id -> state.put(ServiceNowPoller.PLUGIN, key(api, id), "received"));
    }

    private static String key(ServiceNowApi api, String attachmentSysId) {
        return "file:" + api.name() + ":" + attachmentSysId;
    }
}
