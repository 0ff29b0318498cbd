package io.turnaround.workflow;

/**
 * JVM-wide settings the process engine reads when its entity classes load, so they must be set before
 * Spring starts. Without them jBPM stores process state in PostgreSQL large objects (orphaned ones, and
 * text columns holding object ids); with them it uses bytea and text. Harmless on H2.
 */
public final class EnginePersistence {

    private EnginePersistence() {
    }

    public static void configure() {
        System.setProperty("org.kie.persistence.postgresql.useBytea", "true");
        System.setProperty("org.kie.persistence.postgresql.useText", "true");
    }
}
