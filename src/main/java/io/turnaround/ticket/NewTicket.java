package io.turnaround.ticket;

import io.swagger.v3.oas.annotations.media.Schema;
import io.turnaround.policy.facts.Category;
import io.turnaround.policy.facts.Channel;

import javax.validation.constraints.Email;
import javax.validation.constraints.NotBlank;
import javax.validation.constraints.NotNull;
import javax.validation.constraints.Size;
import java.time.Instant;

/** A support request arriving through the API (and later through mail and chat). */
@Schema(example = "{\"from\": \"cto@platina.example\", \"subject\": \"Site is down for everyone\","
        + " \"body\": \"Nothing loads since 09:00\"}")
public record NewTicket(@Schema(example = "cto@platina.example") @NotBlank @Email @Size(max = 320) String from,
                        @Schema(example = "Site is down for everyone") @NotBlank @Size(max = 500) String subject,
                        @Schema(example = "Nothing loads since 09:00") @NotNull @Size(max = 65536) String body,
                        @Schema(description = "How it came in; default API", example = "API") Channel channel,
                        @Schema(description = "When the customer sent it; default: now",
                                example = "2026-11-20T17:00:00Z") Instant receivedAt,
                        @Schema(description = "Staff only: the category, instead of the policy's classification")
                        Category category) {

    public NewTicket {
        channel = channel == null ? Channel.API : channel;
    }

    /** The same request taken as an email, e.g. a chat message that came outside the plan's chat hours. */
    NewTicket asEmail() {
        return new NewTicket(from, subject, body, Channel.EMAIL, receivedAt, category);
    }
}
