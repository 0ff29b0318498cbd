package io.turnaround.studio;

import java.time.Instant;

/** One file of a workspace as last saved: its text, the workspace revision that saved it, who and when. */
public record WorkspaceFile(String path, String content, long revision, String savedBy, Instant savedAt) {
}
