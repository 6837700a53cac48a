package org.blackstart.plugins.vendormail;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
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
import org.blackstart.spi.vendor.MailOrigin;
import org.blackstart.spi.vendor.VendorAttachment;
import org.blackstart.spi.vendor.VendorMessage;

/**
 * Turns a vendor's e-mail into a {@link VendorMessage}: the case number from the subject (or, when
 * the vendor's desk rewrote the subject, from the thread headers naming our messages), the
 * Message-ID as its id, what the vendor wrote now (quoted mail removed) as the text and for the kind,
 * and every attached file. A part is a file when it has a file name and is not shown inline in the
 * text (a signature logo); a file larger than the limit stays in the mailbox and the text says so.
 * The body is read up to {@link #MAX_READ} characters, HTML through an HTML parser, and at most
 * {@link #MAX_TEXT} characters of text are handed on: a huge or hostile body costs one bounded read,
 * and the text says it was cut.
 *
 * <p>Who sent it is reported as it is written ({@link MailOrigin}: the From header's addresses and
 * our mail server's DMARC result); the platform decides whether that sender may speak for the case's
 * vendor. A reader without an account name reads mail from a sender no account knows: such a message
 * is handed on under no account.
 */
final class ReplyReader {

    static final String SYSTEM = VendorMessage.EMAIL;
    /** How much of a body is read: 256 Ki characters, far more than anyone writes in a support reply, markup included. */
    static final int MAX_READ = 256 * 1024;
    /** How much text is handed on: 64 Ki characters, within what the platform keeps, so the note saying it was cut stays. */
    static final int MAX_TEXT = 64 * 1024;

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
    boolean isOurs(MimeMessage message) {
        return account.from().strip().equalsIgnoreCase(senderAddress(message));
    }

    /** The one address of the From header, or {@code null} when it names none or several. */
    static String senderAddress(MimeMessage message) {
        List<String> from = FromHeader.addresses(message);
        return from.size() == 1 ? from.get(0) : null;
    }

    static MailOrigin origin(MimeMessage message) {
        String[] results;
        try {
            results = message.getHeader("Authentication-Results");
        } catch (MessagingException unreadable) {
            results = null;
        }
        return new MailOrigin(FromHeader.addresses(message), AuthenticationResults.dmarc(results));
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
        String shown = (newText.isBlank() ? text : newText).strip();
        if (shown.length() > MAX_TEXT) {
            shown = shown.substring(0, MAX_TEXT);
            content.cut = true;
        }
        if (content.cut) {
            shown = shown + "\n\n(This e-mail is longer than Blackstart reads and was cut here; "
                    + "the whole e-mail is in the case mailbox, folder " + account.imap().folder() + ".)";
        }
        if (!content.tooLarge.isEmpty()) {
            shown = shown + "\n\n(Left in the mailbox, larger than " + maxAttachmentSize + " bytes: "
                    + String.join(", ", content.tooLarge) + ")";
        }
        return new VendorMessage(SYSTEM, accountName, caseNumber(subject, message), messageId(message, author, date, subject),
                kinds.of(newText.isBlank() ? text : newText), author, subject, shown.strip(), null, date, content.files,
                origin(message));
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
                null, date, List.of(), origin(message));
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

    /** The From header for people (not Sender, which {@code getFrom()} would show in its place). */
    private static String author(MimeMessage message) throws MessagingException {
        String[] from = message.getHeader("From");
        if (from == null || from.length == 0) {
            return "unknown sender";
        }
        List<String> names = new ArrayList<>();
        for (String header : from) {
            try {
                for (InternetAddress address : InternetAddress.parseHeader(MimeUtility.unfold(header), false)) {
                    names.add(address.toUnicodeString());
                }
            } catch (jakarta.mail.internet.AddressException unparseable) {
                names.add(MimeUtility.unfold(header).strip());
            }
        }
        return names.isEmpty() ? "unknown sender" : String.join(", ", names);
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
        boolean cut;
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
            content.plain = bodyText(part, content);
        } else if (fileName == null && part.isMimeType("text/html") && content.html == null) {
            content.html = bodyText(part, content);
        }
    }

    /** At most {@link #MAX_READ} characters of a text part, in its charset (UTF-8 when it names none). */
    private static String bodyText(Part part, Content content) throws MessagingException, IOException {
        StringBuilder text = new StringBuilder();
        try (Reader reader = new InputStreamReader(part.getInputStream(), charset(part))) {
            char[] buffer = new char[8192];
            for (int read; (read = reader.read(buffer, 0, Math.min(buffer.length, MAX_READ + 1 - text.length()))) > 0; ) {
                text.append(buffer, 0, read);
            }
        }
        if (text.length() > MAX_READ) {
            text.setLength(MAX_READ);
            content.cut = true;
        }
        return text.toString();
    }

    /** A charset this runtime does not know makes the part unreadable, as Jakarta Mail's own decoding would. */
    private static Charset charset(Part part) throws MessagingException, java.io.UnsupportedEncodingException {
        String name = new ContentType(part.getContentType()).getParameter("charset");
        if (name == null || name.isBlank()) {
            return StandardCharsets.UTF_8;
        }
        try {
            return Charset.forName(MimeUtility.javaCharset(name.strip()));
        } catch (IllegalArgumentException unknown) {
            throw new java.io.UnsupportedEncodingException(name.strip());
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
