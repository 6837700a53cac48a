package org.blackstart.spi.vendor;

import java.util.Objects;

/**
 * A file going to or coming from a vendor: a log, a graph, the vendor's analysis.
 *
 * @param fileName    the name people see, without a path
 * @param contentType MIME type; {@code application/octet-stream} when unknown
 * @param content     the bytes
 */
public record VendorAttachment(String fileName, String contentType, byte[] content) {

    public VendorAttachment {
        Objects.requireNonNull(content, "content");
        fileName = safeName(fileName);
        contentType = contentType == null || contentType.isBlank() ? "application/octet-stream" : contentType;
    }

    public long size() {
        return content.length;
    }

    /** A file name a vendor cannot use to reach outside a folder: the last path part, no control characters. */
    static String safeName(String fileName) {
        if (fileName == null || fileName.isBlank()) {
            return "attachment";
        }
        String name = fileName.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}]", "").strip();
        return name.isEmpty() || name.equals(".") || name.equals("..") ? "attachment" : name;
    }
}
