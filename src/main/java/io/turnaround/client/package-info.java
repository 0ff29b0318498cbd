/**
 * Clients: their plan, contacts, hosting, holidays and chat hours. Owns the {@code client}, {@code client_contact} and
 * {@code client_holiday} tables; knows nothing of tickets beyond finding a ticket's client.
 */
package io.turnaround.client;
