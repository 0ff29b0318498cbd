package io.turnaround.mail;

import com.sun.mail.smtp.SMTPAddressFailedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.mail.MailSendException;

import javax.mail.MessagingException;
import javax.mail.SendFailedException;
import javax.mail.internet.InternetAddress;
import java.net.ConnectException;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** How the outbox waits between attempts, which failures it stops retrying, and the Message-IDs it gives. */
class OutboxRetriesTest {

    private static final MailSettings.Outbox OUTBOX = new MailSettings.Outbox(true, Duration.ofSeconds(1), 8,
            Duration.ofSeconds(30), Duration.ofHours(1), Duration.ofMinutes(5), 20);

    @ParameterizedTest(name = "after failed attempt {0} the next waits {1}")
    @CsvSource({"1, PT30S", "2, PT1M", "3, PT2M", "4, PT4M", "5, PT8M", "6, PT16M", "7, PT32M", "8, PT1H", "9, PT1H",
            "60, PT1H"})
    void eachRetryWaitsTwiceAsLongUpToTheCap(int attempts, Duration wait) {
        assertThat(OUTBOX.retryAfter(attempts)).isEqualTo(wait);
    }

    @Test
    void aServerThatIsDownIsWorthRetryingARefusedAddressIsNot() throws Exception {
        MailSendException down = new MailSendException("Mail server connection failed",
                new MessagingException("could not connect", new ConnectException("Connection refused")));
        MailSendException refused = new MailSendException(Map.of(new Object(), new MessagingException("send failed",
                new SMTPAddressFailedException(new InternetAddress("nobody@example.com"), "RCPT TO", 550, "no such user"))));
        MailSendException busy = new MailSendException(Map.of(new Object(), new MessagingException("send failed",
                new SMTPAddressFailedException(new InternetAddress("busy@example.com"), "RCPT TO", 451, "try later"))));

        assertThat(OutboxSender.permanent(down)).isFalse();
        assertThat(OutboxSender.permanent(busy)).isFalse();
        assertThat(OutboxSender.permanent(refused)).isTrue();
    }

    @Test
    void staffReadTheFailureWithItsCausesEachOnce() throws Exception {
        MessagingException refused = new SendFailedException("Invalid Addresses", new SMTPAddressFailedException(
                new InternetAddress("nobody@example.com"), "RCPT TO", 550, "550 5.1.1 no such user"));
        MessagingException unreachable = new MessagingException("Couldn't connect to host, port: smtp.example, 25;"
                + " timeout 10000", new ConnectException("Connection refused"));

        assertThat(OutboxSender.describe(refused)).isEqualTo("Invalid Addresses; 550 5.1.1 no such user");
        assertThat(OutboxSender.describe(unreachable)).isEqualTo("Couldn't connect to host, port: smtp.example, 25;"
                + " timeout 10000; Connection refused");
    }

    @Test
    void theMessageIdIsTheIdempotencyKeyAndOddCharactersCannotMakeTwoKeysMeet() {
        assertThat(MessageIds.of("ack-42", "turnaround.example")).isEqualTo("<ack-42@turnaround.example>");
        assertThat(MessageIds.of("sla-7-2-jo.doe@x", "t.example")).isEqualTo("<sla-7-2-jo=2Edoe=40x@t.example>");
        assertThat(MessageIds.of("a=2E", "t.example")).isNotEqualTo(MessageIds.of("a.", "t.example"));
    }
}
