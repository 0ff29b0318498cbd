package io.turnaround.ticket;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TicketKeyTest {

    @Test
    void aKeyIsTheIdPaddedToSixDigitsAndReadsBack() {
        assertThat(TicketKey.of(42)).isEqualTo("TCK-000042");
        assertThat(TicketKey.of(999_999)).isEqualTo("TCK-999999");
        assertThat(TicketKey.of(1_234_567)).isEqualTo("TCK-1234567");
        for (long id : new long[] {1, 42, 100_000, 999_999, 1_234_567, 123_456_789_012L}) {
            assertThat(TicketKey.idOf(TicketKey.of(id))).isEqualTo(id);
        }
    }

    @Test
    void somethingElseIsNoTicket() {
        assertThatThrownBy(() -> TicketKey.idOf("TCK-42")).isInstanceOf(TicketNotFoundException.class);
        assertThatThrownBy(() -> TicketKey.idOf("tck-000042")).isInstanceOf(TicketNotFoundException.class);
    }
}
