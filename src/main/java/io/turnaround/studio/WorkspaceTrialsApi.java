package io.turnaround.studio;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.turnaround.policy.PolicyCheckResult;
import io.turnaround.policy.PolicyProblem;
import io.turnaround.policy.ScenarioReport;
import io.turnaround.policy.facts.Category;
import io.turnaround.policy.facts.Channel;
import io.turnaround.policy.facts.Hosting;
import io.turnaround.policy.facts.TicketFacts;
import io.turnaround.policy.facts.Tier;
import io.turnaround.rollout.PolicyImpact;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import javax.validation.Valid;
import javax.validation.constraints.Max;
import javax.validation.constraints.Min;
import javax.validation.constraints.NotNull;
import javax.validation.constraints.PositiveOrZero;
import javax.validation.constraints.Size;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import static io.turnaround.studio.StudioApi.API;
import static io.turnaround.studio.StudioApi.PAGE;

/**
 * A workspace tried before it is a version, as JSON, at the studio page's paths and the API's alike: compiled, its
 * scenarios run, the latest tickets replayed, a typed request decided next to the active version. Each request may
 * carry the open file's unsaved text ({@code path}, {@code content}).
 */
@RestController
@Tag(name = "Studio")
public class WorkspaceTrialsApi {

    private final WorkspaceTrials trials;
    private final Clock clock;

    WorkspaceTrialsApi(WorkspaceTrials trials, Clock clock) {
        this.trials = trials;
        this.clock = clock;
    }

    public record Unsaved(String path, String content) {
    }

    /**
     * What a submission's checks would say: {@code problems} are the compiler's, the gaps and the templates';
     * {@code failures} each failed scenario as the check prints it, {@code corpora} each corpus's report.
     */
    public record ScenariosRun(boolean passed, String summary, List<PolicyProblem> problems, int scenariosPassed,
                               List<Shown> failures, List<Shown> corpora, long millis) {

        static ScenariosRun of(PolicyCheckResult result, long millis) {
            ScenarioReport report = result.scenarios();
            return new ScenariosRun(result.passed(), result.summary(), result.problems(),
                    report == null ? 0 : report.passed(),
                    report == null ? List.of() : report.failures().stream()
                            .map(f -> new Shown(f.file(), f.line(), true, f.diff())).toList(),
                    report == null ? List.of() : report.corpora().stream()
                            .map(c -> new Shown(c.file(), 1, !c.passed(), c.report())).toList(),
                    millis);
        }
    }

    /** One scenario failure or corpus report, as text, with where it is. */
    public record Shown(String file, int line, boolean failed, String text) {
    }

    public record ImpactRequest(String path, String content, @Min(1) @Max(5000) Integer tickets) {
    }

    /**
     * A request typed by the analyst: received at {@code receivedAt}, or at the wall time {@code receivedAtLocal} in
     * {@code zone} (the page's way), or now.
     */
    public record TicketTried(String path, String content, @NotNull Tier tier, @NotNull Hosting hosting,
                              @NotNull @Size(max = 500) String subject, @Size(max = 65536) String body, Channel channel,
                              Instant receivedAt, LocalDateTime receivedAtLocal, ZoneId zone, Category category) {

        TicketFacts facts(Clock clock) {
            Instant at = receivedAt != null ? receivedAt
                    : receivedAtLocal != null ? receivedAtLocal.atZone(zone()).toInstant() : clock.instant();
            return new TicketFacts(tier, hosting, subject, body, channel, at, category);
        }

        @Override
        public ZoneId zone() {
            return zone == null ? ZoneOffset.UTC : zone;
        }
    }

    /** The request to keep as a scenario, under this name, in this scenario file at this revision (0: a new one). */
    public record NewScenario(@NotNull @Valid TicketTried ticket, @NotNull @Size(max = 200) String name,
                              @NotNull String file, @NotNull @PositiveOrZero Long revision) {
    }

    /** Compiles the workspace with the upload's checks. */
    @Operation(summary = "Compile a workspace with an upload's checks",
            description = "With `path` and `content`, that file as typed in place of the saved one.")
    @PreAuthorize("hasAnyRole('ANALYST', 'ADMIN')")
    @PostMapping({API + "/check", PAGE + "/check"})
    public WorkspaceTrials.Checked check(@PathVariable long id, @RequestBody(required = false) Unsaved unsaved) {
        return unsaved == null ? trials.check(id, null, null) : trials.check(id, unsaved.path(), unsaved.content());
    }

    @Operation(summary = "Run a workspace's scenarios")
    @PreAuthorize("hasAnyRole('ANALYST', 'ADMIN')")
    @PostMapping({API + "/scenarios", PAGE + "/scenarios"})
    public ScenariosRun scenarios(@PathVariable long id, @RequestBody(required = false) Unsaved unsaved) {
        long started = System.nanoTime();
        PolicyCheckResult result = unsaved == null ? trials.scenarios(id, null, null)
                : trials.scenarios(id, unsaved.path(), unsaved.content());
        return ScenariosRun.of(result, (System.nanoTime() - started) / 1_000_000);
    }

    @Operation(summary = "Replay the latest tickets under a workspace, beside the active version")
    @ApiResponse(responseCode = "200", description = "What would change")
    @ApiResponse(responseCode = "422", description = "The workspace does not compile",
            content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(implementation = StudioErrors.CannotDecide.class)))
    @PreAuthorize("hasAnyRole('ANALYST', 'ADMIN')")
    @PostMapping({API + "/impact", PAGE + "/impact"})
    public PolicyImpact.Report impact(@PathVariable long id, @Valid @RequestBody ImpactRequest request) {
        return trials.impact(id, request.path(), request.content(), request.tickets() == null ? 200 : request.tickets());
    }

    @Operation(summary = "Decide a typed request under a workspace, beside the active version")
    @ApiResponse(responseCode = "200", description = "The decisions of the workspace and of the active version")
    @ApiResponse(responseCode = "422", description = "The workspace does not compile, or made no complete decision",
            content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(implementation = StudioErrors.CannotDecide.class)))
    @PreAuthorize("hasAnyRole('ANALYST', 'ADMIN')")
    @PostMapping({API + "/decisions", PAGE + "/decisions"})
    public WorkspaceTrials.Tried decide(@PathVariable long id, @Valid @RequestBody TicketTried ticket) {
        return trials.tryTicket(id, ticket.path(), ticket.content(), ticket.facts(clock));
    }

    /** Keeps a typed request as a scenario, expecting what the workspace decides for it. */
    @Operation(summary = "Keep a typed request as a scenario, expecting what the workspace decides")
    @ApiResponse(responseCode = "200", description = "The scenario file, saved")
    @ApiResponse(responseCode = "409", description = "The scenario file was saved meanwhile",
            content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(implementation = StudioErrors.Conflict.class)))
    @ApiResponse(responseCode = "422", description = "The workspace does not compile, or made no complete decision",
            content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(implementation = StudioErrors.CannotDecide.class)))
    @PreAuthorize("hasAnyRole('ANALYST', 'ADMIN')")
    @PostMapping({API + "/scenario-entries", PAGE + "/scenario-entries"})
    public StudioApi.Saved saveAsScenario(@PathVariable long id, @Valid @RequestBody NewScenario scenario,
                                          Authentication user) {
        TicketTried ticket = scenario.ticket();
        return StudioApi.Saved.of(trials.saveAsScenario(id, scenario.file(), scenario.revision(), scenario.name(),
                ticket.facts(clock), ticket.zone(), ticket.path(), ticket.content(), user.getName()));
    }
}
