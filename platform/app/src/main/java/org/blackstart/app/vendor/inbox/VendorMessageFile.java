package org.blackstart.app.vendor.inbox;

/** A file that came with a vendor message, without its bytes. */
public record VendorMessageFile(long id, String fileName, String contentType, long size) {
}
