package io.turnaround.support;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;

import javax.mail.Address;
import javax.mail.MessagingException;
import javax.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * A real SMTP server in the test JVM (GreenMail) and ways to look at what it received. Its port is chosen below the
 * ephemeral range and kept, so a test can stop the server and start it again where the application expects it.
 */
public final class Smtp {

    private Smtp() {
    }

    /** An SMTP server on a free port, started once for the test class. */
    public static GreenMailExtension server() {
        return new GreenMailExtension(ServerSetupTest.SMTP.port(ServerProcess.freePort())).withPerMethodLifecycle(false);
    }

    public static int port(GreenMailExtension server) {
        return server.getSmtp().getPort();
    }

    /** The mail received for this address whose subject contains {@code subjectPart}. */
    public static List<MimeMessage> received(GreenMailExtension server, String recipient, String subjectPart) {
        return Arrays.stream(server.getReceivedMessages())
                .filter(m -> recipients(m).contains(recipient) && subject(m).contains(subjectPart)).toList();
    }

    /** Waits until exactly one such mail has come; fails if none comes in time or more than one does. */
    public static MimeMessage awaitOne(GreenMailExtension server, String recipient, String subjectPart) {
        Waits.waitUntil(() -> !received(server, recipient, subjectPart).isEmpty(), Duration.ofSeconds(20),
                "mail to " + recipient + " about " + subjectPart);
        List<MimeMessage> mail = received(server, recipient, subjectPart);
        if (mail.size() != 1) {
            throw new AssertionError(mail.size() + " mails to " + recipient + " about " + subjectPart);
        }
        return mail.get(0);
    }

    /** The text of a plain-text mail, decoded, with \n line ends. */
    public static String text(MimeMessage message) {
        try {
            return ((String) message.getContent()).replace("\r\n", "\n");
        } catch (IOException | MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The header's value, or null. */
    public static String header(MimeMessage message, String name) {
        try {
            return message.getHeader(name, ",");
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> recipients(MimeMessage message) {
        try {
            Address[] to = message.getAllRecipients();
            return to == null ? List.of() : Arrays.stream(to).map(Address::toString).toList();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
