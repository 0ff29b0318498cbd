package io.turnaround.ticket;

import io.turnaround.policy.facts.Category;

import javax.validation.constraints.NotNull;

/**
 * Staff link a ticket from an unknown sender to a client, optionally making the sender, or everyone at the sender's
 * domain, that client's contact (so their next request is recognised) and choosing the category.
 */
public record Triage(@NotNull Long clientId, boolean addSenderAsContact, boolean addDomainAsContact,
                     Category category) {
}
