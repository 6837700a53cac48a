package org.blackstart.plugins.email;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.Properties;

/**
 * One SMTP connection, opened on first use and kept open across messages: a fan-out of ten thousand
 * pays for one TCP and SMTP handshake (EHLO, STARTTLS, AUTH) per connection, not per message.
 * Not thread-safe: each worker of a fan-out owns one.
 */
final class SmtpConnection implements AutoCloseable {

    private final EmailProperties properties;
    private final Session session;
    private Transport transport;

    SmtpConnection(EmailProperties properties) {
        this.properties = properties;
        this.session = Session.getInstance(sessionProperties(properties));
    }

    /** Sends over the open connection, opening it first when needed. */
    void send(MimeMessage message) throws MessagingException {
        open();
        transport.sendMessage(message, message.getAllRecipients());
    }

    /** Forgets a connection that failed, so the next {@link #send} opens a new one. */
    void drop() {
        close();
    }

    private void open() {
        if (transport != null) {
            return;
        }
        try {
            Transport opened = session.getTransport(properties.security() == EmailProperties.Security.SSL ? "smtps" : "smtp");
            opened.connect(properties.host(), properties.port(), blankToNull(properties.username()),
                    blankToNull(properties.password()));
            transport = opened;
        } catch (MessagingException e) {
            throw SmtpUnavailable.connecting(properties, e);
        }
    }

    @Override
    public void close() {
        if (transport != null) {
            try {
                transport.close();
            } catch (MessagingException | RuntimeException alreadyGone) {
                // The server dropped it first; nothing to give back.
            }
            transport = null;
        }
    }

    private static Properties sessionProperties(EmailProperties properties) {
        String timeout = String.valueOf(properties.timeout().toMillis());
        Properties mail = new Properties();
        for (String protocol : new String[] {"smtp", "smtps"}) {
            mail.put("mail." + protocol + ".connectiontimeout", timeout);
            mail.put("mail." + protocol + ".timeout", timeout);
            // Closing must not wait for the server's answer to QUIT; it is not needed for anything.
            mail.put("mail." + protocol + ".quitwait", "false");
            mail.put("mail." + protocol + ".auth", String.valueOf(blankToNull(properties.username()) != null));
        }
        if (properties.security() == EmailProperties.Security.STARTTLS) {
            mail.put("mail.smtp.starttls.enable", "true");
            mail.put("mail.smtp.starttls.required", "true");
        }
        return mail;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    /**
     * The mail server cannot be used at all: it refuses connections, rejects the login, or its host
     * name does not resolve. Messages say what failed and where, never the credentials.
     */
    static final class SmtpUnavailable extends RuntimeException {

        SmtpUnavailable(String message, Throwable cause) {
            super(message, cause);
        }

        static SmtpUnavailable connecting(EmailProperties properties, MessagingException e) {
            String server = "SMTP server " + properties.host() + ":" + properties.port();
            if (e instanceof AuthenticationFailedException) {
                return new SmtpUnavailable(server + " rejected the login", e);
            }
            if (causedBy(e, UnknownHostException.class)) {
                return new SmtpUnavailable(server + ": the host name does not resolve", e);
            }
            if (causedBy(e, ConnectException.class)) {
                return new SmtpUnavailable(server + " refused the connection", e);
            }
            return new SmtpUnavailable(server + " cannot be reached: " + e.getMessage(), e);
        }

        private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
            for (Throwable t = failure; t != null; t = t.getCause() != t ? t.getCause() : null) {
                if (type.isInstance(t)) {
                    return true;
                }
            }
            return false;
        }
    }
}
