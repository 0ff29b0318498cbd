package io.turnaround.staff;

/** What a person may do (README, "Who may do what"); a person has one or more. */
public enum StaffRole {
    AGENT, MANAGER, ANALYST, ADMIN, INTAKE
}
