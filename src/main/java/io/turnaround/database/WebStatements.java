package io.turnaround.database;

/** Marks the thread serving a web request, so its statements get the web statement timeout. */
public final class WebStatements {

    private WebStatements() {
    }

    public static void begin() {
        GuardedDataSource.beginWebRequest();
    }

    public static void end() {
        GuardedDataSource.endWebRequest();
    }
}
