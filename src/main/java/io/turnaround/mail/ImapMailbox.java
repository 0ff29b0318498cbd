package io.turnaround.mail;

import com.sun.mail.iap.BadCommandException;
import com.sun.mail.iap.CommandFailedException;
import com.sun.mail.imap.IMAPFolder;
import com.sun.mail.imap.IMAPMessage;
import com.sun.mail.imap.IMAPStore;
import io.turnaround.database.DatabaseProbe;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import javax.mail.FetchProfile;
import javax.mail.FolderClosedException;
import javax.mail.StoreClosedException;
import javax.mail.Flags;
import javax.mail.Folder;
import javax.mail.Message;
import javax.mail.MessagingException;
import javax.mail.Session;
import javax.mail.UIDFolder;
import javax.mail.search.FlagTerm;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Reads the support mailbox over IMAP: every message not yet flagged \Seen becomes a ticket or a reply, and is
 * flagged only after that is committed. A crash in between leaves it unflagged; read again, intake recognises it by
 * its UIDVALIDITY and UID and only flags it. Waits with IDLE where the server offers it, woken at least every
 * {@code poll-every} (which is also the polling interval where it does not); reconnects with a growing pause. A
 * message over the size limit is read from its headers alone (its size is known before its body is fetched); one
 * that cannot become a ticket is kept as unreadable by {@link MailDelivery}, so no message holds up those after it.
 * The reader thread is supervised: if it dies it is started again, with a growing pause. It stops between messages.
 */
@Component
@ConditionalOnProperty("turnaround.mail.inbound.enabled")
class ImapMailbox implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ImapMailbox.class);
    private static final Duration LONGEST_PAUSE = Duration.ofMinutes(1);
    private static final int BATCH = 25;
    private static final long BATCH_BYTES = 16L * 1024 * 1024;
    private static final byte[] CRLF = {'\r', '\n'};

    private final MailSettings.Inbound settings;
    private final MailDelivery delivery;
    private final MailboxWatch watch;
    private final Clock clock;
    private final DatabaseProbe database;
    private final String mailbox;
    private final ScheduledExecutorService waker = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "mailbox-waker"));
    private final SupervisedThread reader;
    private volatile boolean running;
    private volatile IMAPFolder open;

    ImapMailbox(MailSettings settings, MailDelivery delivery, MailboxWatch watch, Clock clock, DatabaseProbe database) {
        this.settings = settings.inbound();
        this.delivery = delivery;
        this.watch = watch;
        this.clock = clock;
        this.database = database;
        this.reader = new SupervisedThread("mailbox-reader", this::readUntilStopped, clock, Duration.ofSeconds(1),
                LONGEST_PAUSE, watch::failed);
        this.mailbox = this.settings.protocol() + "://" + this.settings.username() + "@" + this.settings.host() + ":"
                + this.settings.port() + "/" + this.settings.folder();
    }

    @Override
    public void start() {
        running = true;
        watch.started();
        reader.start();
        long every = settings.pollEvery().toMillis();
        waker.scheduleWithFixedDelay(this::wake, every, every, TimeUnit.MILLISECONDS);
        waker.scheduleWithFixedDelay(reader::check, 1, 1, TimeUnit.SECONDS);
    }

    @Override
    public void stop() {
        running = false;
        waker.shutdownNow();
        wake();
        reader.stop(Duration.ofSeconds(10));
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void readUntilStopped() {
        Duration pause = Duration.ofSeconds(1);
        while (running) {
            try {
                readWhileConnected();
                pause = Duration.ofSeconds(1);
            } catch (MessagingException | IOException | RuntimeException e) {
                if (!running) {
                    return;
                }
                watch.failed(e.toString());
                log.warn("Reading {} failed ({}); trying again in {} s", mailbox, e.toString(), pause.toSeconds());
                sleep(pause);
                pause = pause.multipliedBy(2).compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause.multipliedBy(2);
            }
        }
    }

    private void readWhileConnected() throws MessagingException, IOException {
        Session session = Session.getInstance(properties());
        try (IMAPStore store = (IMAPStore) session.getStore(settings.protocol())) {
            store.connect(settings.host(), settings.port(), settings.username(), settings.password());
            IMAPFolder folder = (IMAPFolder) store.getFolder(settings.folder());
            folder.open(Folder.READ_WRITE);
            open = folder;
            boolean idle = store.hasCapability("IDLE");
            log.info("Reading {} ({})", mailbox, idle ? "IDLE" : "polling every " + settings.pollEvery().toSeconds() + " s");
            try {
                while (running && folder.isOpen()) {
                    if (!database.answering()) {
                        sleep(settings.pollEvery()); // the mail waits in the mailbox until the database answers
                        continue;
                    }
                    // Mail that arrived while a pass ran is taken by the next pass; only an empty pass waits.
                    if (takeNew(folder) > 0) {
                        continue;
                    }
                    if (idle) {
                        folder.idle(true);
                    } else {
                        sleep(settings.pollEvery());
                    }
                }
            } finally {
                open = null;
                if (folder.isOpen()) {
                    folder.close(false);
                }
            }
        }
    }

    /**
     * Every message not yet flagged, in order and in batches: a batch's messages are fetched whole in one command, each
     * is taken in (and committed) in turn, then the batch is flagged in one command. A crash before the flag only
     * means those messages are read again and recognised. Returns how many messages there were.
     */
    private int takeNew(IMAPFolder folder) throws MessagingException, IOException {
        long uidValidity = folder.getUIDValidity();
        Message[] unseen = folder.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false));
        FetchProfile sizes = new FetchProfile();
        sizes.add(UIDFolder.FetchProfileItem.UID);
        sizes.add(FetchProfile.Item.SIZE);
        folder.fetch(unseen, sizes);
        for (int start = 0; start < unseen.length && running; ) {
            int end = batchEnd(unseen, start);
            Message[] batch = Arrays.copyOfRange(unseen, start, end);
            // Bodies over the size limit are never fetched: those messages are read from their headers.
            Message[] small = Arrays.stream(batch).filter(m -> !delivery.tooLarge(sizeOf(m))).toArray(Message[]::new);
            FetchProfile whole = new FetchProfile();
            whole.add(IMAPFolder.FetchProfileItem.MESSAGE);
            whole.add(IMAPFolder.FetchProfileItem.INTERNALDATE);
            try {
                folder.fetch(small, whole);
            } catch (MessagingException e) {
                if (!refusedByServer(e)) {
                    throw e;
                }
                log.debug("Fetching a batch of {} was refused; its messages are fetched one by one", mailbox);
            }
            // Stopping ends the pass between two messages; those taken so far are flagged.
            int taken = 0;
            while (taken < batch.length && running) {
                take(folder, uidValidity, batch[taken++]);
            }
            if (taken > 0) {
                folder.setFlags(Arrays.copyOf(batch, taken), new Flags(Flags.Flag.SEEN), true);
            }
            start += taken;
        }
        watch.passCompleted();
        reader.progressed();
        return unseen.length;
    }

    private void take(IMAPFolder folder, long uidValidity, Message message) throws MessagingException, IOException {
        MailboxPosition position = new MailboxPosition(mailbox, uidValidity, folder.getUID(message));
        try {
            take(message, position);
        } catch (MessagingException e) {
            if (!refusedByServer(e)) {
                throw e;
            }
            // The server refuses this one message (its copy is damaged): kept as unreadable, the pass goes on.
            log.warn("The mail server would not hand over message {} of {}: {}", position.uid(), mailbox, e.toString());
            delivery.deliverRefused(position, "the mail server would not hand it over: " + e.getMessage());
        }
    }

    private void take(Message message, MailboxPosition position) throws MessagingException, IOException {
        Instant arrived = message.getReceivedDate() == null ? clock.instant() : message.getReceivedDate().toInstant();
        long size = sizeOf(message);
        if (delivery.tooLarge(size)) {
            delivery.deliverHeaders(headersOf(message), size, position, arrived);
            return;
        }
        byte[] raw;
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(Math.max(0, (int) size));
            message.writeTo(bytes);
            raw = bytes.toByteArray();
        } catch (OutOfMemoryError e) {
            log.warn("Message {} of {} did not fit in memory ({} bytes); reading its headers alone", position.uid(),
                    mailbox, size);
            delivery.deliverHeaders(headersOf(message), size, position, arrived);
            return;
        }
        delivery.deliver(raw, position, arrived);
    }

    /**
     * The server answered a command about one message with NO or BAD: the message is at fault. A lost connection, a
     * closed folder or a timeout is the connection's fault and ends the pass instead.
     */
    private static boolean refusedByServer(MessagingException e) {
        if (e instanceof FolderClosedException || e instanceof StoreClosedException) {
            return false;
        }
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof CommandFailedException || t instanceof BadCommandException) {
                return true;
            }
        }
        return false;
    }

    /** The message's header lines as the server has them, as an RFC 822 header block. */
    private static byte[] headersOf(Message message) throws MessagingException {
        ByteArrayOutputStream headers = new ByteArrayOutputStream();
        Enumeration<String> lines = ((IMAPMessage) message).getAllHeaderLines();
        while (lines.hasMoreElements()) {
            // JavaMail read the header bytes as ISO-8859-1: written back the same way, they are the server's bytes.
            headers.writeBytes(lines.nextElement().getBytes(StandardCharsets.ISO_8859_1));
            headers.writeBytes(CRLF);
        }
        headers.writeBytes(CRLF);
        return headers.toByteArray();
    }

    private static long sizeOf(Message message) {
        try {
            return Math.max(0, message.getSize());
        } catch (MessagingException e) {
            return 0;
        }
    }

    /** Up to BATCH messages and BATCH_BYTES in memory at once; a larger message goes alone. */
    private int batchEnd(Message[] messages, int start) throws MessagingException {
        long bytes = 0;
        int end = start;
        while (end < messages.length && end - start < BATCH) {
            long size = Math.max(0, messages[end].getSize());
            bytes += delivery.tooLarge(size) ? 0 : size;
            if (end > start && bytes > BATCH_BYTES) {
                break;
            }
            end++;
        }
        return end;
    }

    /** Ends an IDLE wait (any command on the folder does), so new mail is looked for at least every poll-every. */
    private void wake() {
        IMAPFolder folder = open;
        if (folder != null) {
            try {
                folder.getMessageCount();
            } catch (MessagingException | IllegalStateException e) {
                log.debug("Waking the mailbox reader: {}", e.toString());
            }
        }
    }

    private Properties properties() {
        Properties p = new Properties();
        String prefix = "mail." + settings.protocol() + ".";
        p.setProperty(prefix + "connectiontimeout", "10000");
        p.setProperty(prefix + "timeout", Long.toString(Math.max(60_000, settings.pollEvery().toMillis() * 3)));
        p.setProperty(prefix + "writetimeout", "10000");
        // Fetching a body must not flag the message: only a committed ticket does.
        p.setProperty(prefix + "peek", "true");
        p.setProperty("mail.mime.decodetext.strict", "false");
        return p;
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Thread daemon(Runnable task, String name) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        return thread;
    }
}
