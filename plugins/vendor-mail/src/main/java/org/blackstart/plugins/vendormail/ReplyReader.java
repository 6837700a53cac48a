package org.blackstart.plugins.vendormail;

import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.blackstart.spi.vendor.VendorAttachment;
import org.blackstart.spi.vendor.VendorMessage;

/**
 * Turns a vendor's e-mail into a {@link VendorMessage}: the case number from the subject (or, when
 * the vendor's desk rewrote the subject, from the thread headers naming our messages), the
 * Message-ID as its id, what the vendor wrote now (quoted mail removed) as the text and for the kind,
 * and every attached file. A part is a file when it has a file name and is not shown inline in the
 * text (a signature logo); a file larger than the limit stays in the mailbox and the text says so.
 */
final class ReplyReader {

    static final String SYSTEM = "email";

    private final String accountName;
    private final VendorMailProperties.Account account;
    private final CaseNumbers numbers;
    private final ReplyKinds kinds;
    private final long maxAttachmentSize;

    ReplyReader(String accountName, VendorMailProperties.Account account, long maxAttachmentSize) {
        this.accountName = accountName;
        this.account = account;
        this.numbers = new CaseNumbers(account.caseTag());
        this.kinds = new ReplyKinds(account);
        this.maxAttachmentSize = maxAttachmentSize;
    }

    /** True for a message from our own case mailbox: a copy of what we sent, not the vendor's. */
    boolean isOurs(MimeMessage message) throws MessagingException {
        Address[] from = message.getFrom();
        if (from == null) {
            return false;
        }
        for (Address address : from) {
            if (address instanceof InternetAddress internet && internet.getAddress() != null
                    && internet.getAddress().strip().equalsIgnoreCase(account.from().strip())) {
                return true;
            }
        }
        return false;
    }

    /** The sender's bare address, or {@code null} when the message has none. */
    static String senderAddress(MimeMessage message) throws MessagingException {
        Address[] from = message.getFrom();
        if (from == null || from.length == 0 || !(from[0] instanceof InternetAddress internet) || internet.getAddress() == null) {
            return null;
        }
        return internet.getAddress().strip();
    }

    VendorMessage read(MimeMessage message) throws MessagingException, IOException {
        String subject = message.getSubject() == null ? "" : message.getSubject();
        String author = author(message);
        Instant date = message.getSentDate() != null ? message.getSentDate().toInstant()
                : message.getReceivedDate() != null ? message.getReceivedDate().toInstant() : null;
        Content content = new Content();
        walk(message, content);
        String text = content.plain != null ? content.plain : content.html != null ? HtmlText.of(content.html) : "";
        String newText = NewText.of(text);
        String shown = newText.isBlank() ? text.strip() : newText;
        if (!content.tooLarge.isEmpty()) {
            shown = shown + "\n\n(Left in the mailbox, larger than " + maxAttachmentSize + " bytes: "
                    + String.join(", ", content.tooLarge) + ")";
        }
        return new VendorMessage(SYSTEM, accountName, caseNumber(subject, message), messageId(message, author, date, subject),
                kinds.of(newText.isBlank() ? text : newText), author, subject, shown.strip(), null, date, content.files);
    }

    /**
     * A message whose body cannot be parsed (a broken MIME structure), as much of it as its headers
     * tell: it still reaches the case, or a person when no case can be told, with a text that says
     * it is in the mailbox. Left unseen instead, it would be read and fail at every poll, and the
     * vendor's words would reach nobody.
     */
    VendorMessage unreadable(MimeMessage message, Exception why) {
        String subject = Objects.requireNonNullElse(orNull(message::getSubject), "");
        String author = Objects.requireNonNullElse(orNull(() -> author(message)), "unknown sender");
        Instant date = orNull(() -> message.getSentDate() == null ? null : message.getSentDate().toInstant());
        String text = "(This e-mail could not be read (" + why.getClass().getSimpleName() + ": " + why.getMessage()
                + "). It is still in the case mailbox, folder " + account.imap().folder() + ".)";
        return new VendorMessage(SYSTEM, accountName, orNull(() -> caseNumber(subject, message)),
                orNull(() -> messageId(message, author, date, subject)), VendorMessage.Kind.REPLY, author, subject, text,
                null, date, List.of());
    }

    /** The case number in the subject, or else in the thread headers naming one of our messages. */
    private String caseNumber(String subject, MimeMessage message) throws MessagingException {
        String tagged = numbers.find(subject);
        return tagged != null ? tagged : CaseNumbers.inThread(Arrays.asList(threadHeader(message, "In-Reply-To"),
                threadHeader(message, "References")), account.fromDomain());
    }

    /**
     * A thread header as its ids: some mail libraries write a long Message-ID, which has no space to
     * fold at, as RFC 2047 encoded words.
     */
    private static String threadHeader(MimeMessage message, String name) throws MessagingException {
        String value = message.getHeader(name, " ");
        if (value == null) {
            return null;
        }
        try {
            return MimeUtility.decodeText(MimeUtility.unfold(value));
        } catch (java.io.UnsupportedEncodingException unknownCharset) {
            return value;
        }
    }

    private interface HeaderRead<T> {
        T read() throws MessagingException;
    }

    private static <T> T orNull(HeaderRead<T> read) {
        try {
            return read.read();
        } catch (MessagingException | RuntimeException unreadable) {
            return null;
        }
    }

    private static String author(MimeMessage message) throws MessagingException {
        Address[] from = message.getFrom();
        if (from == null || from.length == 0) {
            return "unknown sender";
        }
        return from[0] instanceof InternetAddress internet ? internet.toUnicodeString() : from[0].toString();
    }

    /** The Message-ID, or for a message without one a digest of sender, date and subject: stable across polls. */
    static String messageId(MimeMessage message, String author, Instant date, String subject) throws MessagingException {
        String id = message.getMessageID();
        if (id != null && !id.isBlank()) {
            return id.strip();
        }
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            String joined = String.join("\u001f", author, String.valueOf(date), subject);
            return "sha256:" + HexFormat.of().formatHex(digest.digest(joined.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java runtime", e);
        }
    }

    private static final class Content {
        String plain;
        String html;
        final List<VendorAttachment> files = new ArrayList<>();
        final List<String> tooLarge = new ArrayList<>();
    }

    private void walk(Part part, Content content) throws MessagingException, IOException {
        String fileName = fileName(part);
        boolean inline = Part.INLINE.equalsIgnoreCase(part.getDisposition());
        if (fileName != null && !inline && !part.isMimeType("multipart/*")) {
            keepFile(part, fileName, content);
            return;
        }
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                walk(child, content);
            }
        } else if (part.isMimeType("message/rfc822") && fileName == null) {
            // A forwarded mail: its text is the vendor's too, its files are kept.
            walk((Part) part.getContent(), content);
        } else if (fileName == null && part.isMimeType("text/plain") && content.plain == null) {
            content.plain = String.valueOf(part.getContent());
        } else if (fileName == null && part.isMimeType("text/html") && content.html == null) {
            content.html = String.valueOf(part.getContent());
        }
    }

    private void keepFile(Part part, String fileName, Content content) throws MessagingException, IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (InputStream in = part.getInputStream()) {
            byte[] buffer = new byte[8192];
            for (int read; (read = in.read(buffer)) != -1; ) {
                if (bytes.size() + (long) read > maxAttachmentSize) {
                    content.tooLarge.add(fileName);
                    return;
                }
                bytes.write(buffer, 0, read);
            }
        }
        String type = part.getContentType() == null ? null : part.getContentType().split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        content.files.add(new VendorAttachment(fileName, type, bytes.toByteArray()));
    }

    private static String fileName(Part part) throws MessagingException {
        String name;
        try {
            name = part.getFileName();
        } catch (MessagingException unreadable) {
            name = null;
        }
        if (name == null || name.isBlank()) {
            return null;
        }
        try {
            return MimeUtility.decodeText(name);
        } catch (java.io.UnsupportedEncodingException e) {
            return name;
        }
    }
}
