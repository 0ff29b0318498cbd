package io.turnaround.staff;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StaffRulesTest {

    @Test
    void aPasswordHasTwelveCharactersAtLeastAndNoMoreBytesThanBcryptReads() {
        assertThat(Passwords.refusal("eleven char")).contains("a password needs at least 12 characters");
        assertThat(Passwords.refusal(null)).isPresent();
        assertThat(Passwords.refusal("twelve chars")).isEmpty();
        assertThat(Passwords.refusal("ÅÅÅÅÅÅÅÅÅÅÅÅ")).as("characters, not bytes, count towards the least").isEmpty();
        assertThat(Passwords.refusal("x".repeat(72))).isEmpty();
        assertThat(Passwords.refusal("x".repeat(73))).contains("a password may have at most 72 bytes (UTF-8)");
        assertThat(Passwords.refusal("Å".repeat(37))).as("74 bytes").isPresent();
    }

    @Test
    void aUserNameIsWhatPeopleTypeAtSignIn() {
        assertThat(StaffNames.refusal("ada")).isEmpty();
        assertThat(StaffNames.refusal("ada.lovelace@example.com")).isEmpty();
        assertThat(StaffNames.refusal("Ada")).isPresent();
        assertThat(StaffNames.refusal("ada lovelace")).isPresent();
        assertThat(StaffNames.refusal(".ada")).isPresent();
        assertThat(StaffNames.refusal("")).isPresent();
        assertThat(StaffNames.refusal("a".repeat(101))).isPresent();
        assertThat(StaffNames.refusal("audit")).contains("the user name audit is reserved: the staff audit has that"
                + " address");
        assertThat(StaffNames.refusal("auditor")).isEmpty();
    }
}
