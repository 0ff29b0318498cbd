/**
 * Clients: their plan, contacts (addresses and whole domains), hosting, holidays and chat hours, their administration
 * and CSV import. Owns the {@code client}, {@code client_contact}, {@code client_audit} and {@code client_holiday}
 * tables; knows nothing of tickets beyond finding a ticket's client.
 */
package io.turnaround.client;
