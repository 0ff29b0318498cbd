package io.turnaround.mail;

import com.icegreen.greenmail.util.GreenMail;
import io.turnaround.TurnaroundApplication;
import io.turnaround.support.PostgresDatabase;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.stream.Stream;

/** Raw mail messages as mail programs and mail servers write them. */
final class MailFixtures {

    /**
     * Starts the server on a new PostgreSQL database with the demo data, reading the IMAP mailbox of user "support"
     * (password "secret") on the GreenMail server every second, with more Spring arguments.
     */
    static ConfigurableApplicationContext serverReading(GreenMail mailServer, String... arguments) {
        return new SpringApplicationBuilder(TurnaroundApplication.class).run(Stream.of(
                Stream.of(PostgresDatabase.create().springArgsWithDemoData()),
                Stream.of("--server.port=0", "--jbpm.quartz.start-delay=1"), Stream.of(readingMailbox(mailServer)),
                Stream.of(arguments)).flatMap(args -> args).toArray(String[]::new));
    }

    /** The settings that make a server read the IMAP mailbox of user "support" (password "secret") every second. */
    static String[] readingMailbox(GreenMail mailServer) {
        return new String[] {"--turnaround.mail.inbound.enabled=true", "--turnaround.mail.inbound.protocol=imap",
                "--turnaround.mail.inbound.host=127.0.0.1",
                "--turnaround.mail.inbound.port=" + mailServer.getImap().getPort(),
                "--turnaround.mail.inbound.username=support", "--turnaround.mail.inbound.password=secret",
                "--turnaround.mail.inbound.poll-every=PT1S"};
    }

    private MailFixtures() {
    }

    static byte[] plain(String messageId, String from, String subject, String body, String... headers) {
        StringBuilder extra = new StringBuilder();
        for (String header : headers) {
            extra.append(header).append("\r\n");
        }
        return ("Message-ID: <" + messageId + ">\r\nFrom: " + from + "\r\nTo: support@turnaround.example\r\nSubject: "
                + subject + "\r\nDate: Thu, 26 Nov 2026 10:00:00 -0800\r\n" + extra
                + "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
                + body + "\r\n").getBytes(StandardCharsets.UTF_8);
    }

    /** Latin-1 bytes, declared as such: "Grüße aus Köln". */
    static byte[] latin1(String messageId, String from) {
        return ("Message-ID: <" + messageId + ">\r\nFrom: " + from + "\r\nSubject: =?ISO-8859-1?Q?Gr=FC=DFe?=\r\n"
                + "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=ISO-8859-1\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
                + "Grüße aus Köln: the site is slow for one user\r\n").getBytes(StandardCharsets.ISO_8859_1);
    }

    static byte[] withAttachment(String messageId, String from, String subject, String filename, byte[] content) {
        String boundary = "b0undary";
        return ("Message-ID: <" + messageId + ">\r\nFrom: " + from + "\r\nSubject: " + subject + "\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed; boundary=\"" + boundary + "\"\r\n\r\n--" + boundary + "\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\n\r\nSee the attached file.\r\n--" + boundary + "\r\n"
                + "Content-Type: application/pdf; name=\"" + filename + "\"\r\nContent-Disposition: attachment; filename=\""
                + filename + "\"\r\nContent-Transfer-Encoding: base64\r\n\r\n"
                + Base64.getMimeEncoder().encodeToString(content) + "\r\n--" + boundary + "--\r\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    static byte[] htmlOnly(String messageId, String from) {
        return ("Message-ID: <" + messageId + ">\r\nFrom: " + from + "\r\nSubject: HTML only\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: text/html; charset=UTF-8\r\n\r\n<html><body><p>Users <b>cannot</b> log in</p>"
                + "<script>alert(1)</script></body></html>\r\n").getBytes(StandardCharsets.UTF_8);
    }

    static byte[] bounce(String messageId) {
        return ("Message-ID: <" + messageId + ">\r\nFrom: MAILER-DAEMON@mail.example\r\nSubject: Undelivered Mail\r\n"
                + "MIME-Version: 1.0\r\nContent-Type: multipart/report; report-type=delivery-status; boundary=\"r\"\r\n\r\n"
                + "--r\r\nContent-Type: text/plain\r\n\r\nThe mail could not be delivered.\r\n--r\r\n"
                + "Content-Type: message/delivery-status\r\n\r\nStatus: 5.1.1\r\n--r--\r\n").getBytes(StandardCharsets.UTF_8);
    }

    /** No sender at all: nothing to answer, nothing to make a ticket for. */
    static byte[] noSender(String messageId) {
        return ("Message-ID: <" + messageId + ">\r\nSubject: who am I\r\n\r\nhello\r\n").getBytes(StandardCharsets.UTF_8);
    }

    static byte[] brokenMultipart(String messageId, String from) {
        return ("Message-ID: <" + messageId + ">\r\nFrom: " + from + "\r\nSubject: broken\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed; boundary=\"nowhere\"\r\n\r\nno boundary ever starts here\r\n")
                .getBytes(StandardCharsets.UTF_8);
    }
}
