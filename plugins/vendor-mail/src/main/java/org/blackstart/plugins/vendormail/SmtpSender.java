package org.blackstart.plugins.vendormail;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.Properties;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;

/**
 * Sends one message over the account's SMTP server, one connection per message: a case sees a
 * handful of messages over days. Failures say which account, server and what went wrong, never the
 * credentials.
 */
final class SmtpSender {

    private final String accountName;
    private final VendorMailProperties.Smtp smtp;
    private final Session session;

    SmtpSender(String accountName, VendorMailProperties.Smtp smtp, java.time.Duration timeout) {
        this.accountName = accountName;
        this.smtp = smtp;
        this.session = Session.getInstance(sessionProperties(smtp, timeout));
    }

    /**
     * @throws Refused     the server refused the recipients or the message for good (5xx)
     * @throws Unavailable the server cannot be used now: refused connection, failed login, unknown host, 4xx
     */
    void send(MimeMessage message) {
        Transport transport;
        try {
            transport = session.getTransport(smtp.security() == VendorMailProperties.Security.SSL ? "smtps" : "smtp");
            transport.connect(smtp.host(), smtp.port(), blankToNull(smtp.username()), blankToNull(smtp.password()));
        } catch (MessagingException e) {
            throw connecting(e);
        }
        try {
            transport.sendMessage(message, message.getAllRecipients());
        } catch (SendFailedException e) {
            if (isPermanent(e)) {
                throw new Refused(server() + " refused the message for good: " + firstLine(e), e);
            }
            throw new Unavailable(server() + " did not take the message: " + firstLine(e), e);
        } catch (MessagingException e) {
            throw new Unavailable(server() + " failed while sending: " + firstLine(e), e);
        } finally {
            try {
                transport.close();
            } catch (MessagingException | RuntimeException alreadyGone) {
                // The message was handed over or the failure is reported above; closing changes neither.
            }
        }
    }

    private static boolean isPermanent(SendFailedException e) {
        for (Exception next = e; next != null; next = next instanceof MessagingException m ? m.getNextException() : null) {
            if (next instanceof SMTPAddressFailedException a && a.getReturnCode() >= 500) {
                return true;
            }
            if (next instanceof SMTPSendFailedException s && s.getReturnCode() >= 500) {
                return true;
            }
        }
        return e.getInvalidAddresses() != null && e.getInvalidAddresses().length > 0
                && (e.getValidUnsentAddresses() == null || e.getValidUnsentAddresses().length == 0);
    }

    private String server() {
        return "vendor-mail account '" + accountName + "': SMTP server " + smtp.host() + ":" + smtp.port();
    }

    private Unavailable connecting(MessagingException e) {
        if (e instanceof AuthenticationFailedException) {
            return new Unavailable(server() + " rejected the login", e);
        }
        if (causedBy(e, UnknownHostException.class)) {
            return new Unavailable(server() + ": the host name does not resolve", e);
        }
        if (causedBy(e, ConnectException.class)) {
            return new Unavailable(server() + " refused the connection", e);
        }
        return new Unavailable(server() + " cannot be reached: " + firstLine(e), e);
    }

    private static String firstLine(Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.lines().findFirst().orElse(message).strip();
    }

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause() != t ? t.getCause() : null) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static Properties sessionProperties(VendorMailProperties.Smtp smtp, java.time.Duration timeout) {
        String millis = String.valueOf(timeout.toMillis());
        Properties mail = new Properties();
        for (String protocol : new String[] {"smtp", "smtps"}) {
            mail.put("mail." + protocol + ".connectiontimeout", millis);
            mail.put("mail." + protocol + ".timeout", millis);
            mail.put("mail." + protocol + ".writetimeout", millis);
            mail.put("mail." + protocol + ".quitwait", "false");
            mail.put("mail." + protocol + ".auth", String.valueOf(blankToNull(smtp.username()) != null));
        }
        if (smtp.security() == VendorMailProperties.Security.STARTTLS) {
            mail.put("mail.smtp.starttls.enable", "true");
            mail.put("mail.smtp.starttls.required", "true");
        }
        if (smtp.security() != VendorMailProperties.Security.NONE) {
            mail.put("mail.smtp.ssl.checkserveridentity", "true");
            mail.put("mail.smtps.ssl.checkserveridentity", "true");
        }
        return mail;
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    /** The server will not take this message, now or later: the case cannot go out this way. */
    static final class Refused extends RuntimeException {
        Refused(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The server cannot be used right now; the bridge retries the task. */
    static final class Unavailable extends RuntimeException {
        Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
