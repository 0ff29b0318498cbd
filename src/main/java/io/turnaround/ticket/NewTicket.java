package io.turnaround.ticket;

import io.turnaround.policy.facts.Category;
import io.turnaround.policy.facts.Channel;

import javax.validation.constraints.Email;
import javax.validation.constraints.NotBlank;
import javax.validation.constraints.NotNull;
import javax.validation.constraints.Size;
import java.time.Instant;

/** A support request arriving through the API (and later through mail and chat). */
public record NewTicket(@NotBlank @Email @Size(max = 320) String from,
                        @NotBlank @Size(max = 500) String subject,
                        @NotNull @Size(max = 65536) String body,
                        Channel channel,
                        Instant receivedAt,
                        Category category) {

    public NewTicket {
        channel = channel == null ? Channel.API : channel;
    }

    /** The same request taken as an email, e.g. a chat message that came outside the plan's chat hours. */
    NewTicket asEmail() {
        return new NewTicket(from, subject, body, Channel.EMAIL, receivedAt, category);
    }
}
