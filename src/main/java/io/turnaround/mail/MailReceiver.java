package io.turnaround.mail;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where the mail this package reads goes, and who names the tickets its outbox is about: ticket intake implements
 * it, so that mail depends on no ticket class.
 */
public interface MailReceiver {

    /**
     * What the mail settings say about whose mail is whose: our own address (mail from it is a loop), the domain of
     * our Message-IDs, the hosting partner's address, the attachment limit and how to find the partner's reference.
     */
    record Rules(String ownAddress, String messageIdDomain, String partnerAddress, long maxAttachmentBytes,
                 Pattern partnerReference, Duration reopenWithin) {

        public boolean isPartner(String address) {
            return address != null && address.equalsIgnoreCase(partnerAddress);
        }
    }

    /**
     * Takes in a readable mail; {@code position} is null for mail pushed over HTTP. {@code raw} is kept with it when a
     * header value was cut or the body left out for its size, so the original is never lost.
     */
    MailOutcome receive(IncomingMail mail, MailboxPosition position, Rules rules, byte[] raw);

    /** Keeps a message that cannot be taken in as mail, whole (when there is something to keep), with the reason. */
    MailOutcome keepUnreadable(byte[] raw, MailboxPosition position, String sender, String subject, String reason,
                               boolean tooLarge);

    /** The messages kept as unreadable or too large, the newest first. */
    List<UnreadableMail> unreadable(int limit);

    /** The raw message as it arrived, if it is still kept. */
    Optional<byte[]> rawOf(long inboundMailId);

    /** The key staff know the ticket by. */
    String ticketKey(long ticketId);
}
