package io.turnaround.staff;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code turnaround.admin.*}: the first administrator, for a database that has none.
 *
 * @param user     {@code turnaround.admin.user} (env {@code TURNAROUND_ADMIN_USER})
 * @param password {@code turnaround.admin.password} (env {@code TURNAROUND_ADMIN_PASSWORD})
 */
@ConfigurationProperties("turnaround.admin")
record FirstAdminSettings(String user, String password) {

    boolean given() {
        return !isBlank(user) || !isBlank(password);
    }

    static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
