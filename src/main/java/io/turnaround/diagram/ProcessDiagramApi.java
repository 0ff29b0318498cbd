package io.turnaround.diagram;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.turnaround.diagram.ProcessTraffic.Traffic;
import io.turnaround.ticket.NodeStay;
import io.turnaround.ticket.SlaStep;
import io.turnaround.ticket.Ticket;
import io.turnaround.ticket.TicketAtNode;
import io.turnaround.ticket.TicketLookup;
import io.turnaround.ticket.TicketNodeVisits;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.util.List;

/**
 * The diagrams' data, for the pages and for programs (staff): a version's BPMN, the live counts at each node of a
 * process, the tickets at a node, and one ticket's path through its process. Programs call {@code /api/...}; the pages
 * call the same handlers beside themselves, with their session.
 */
@RestController
@Tag(name = "Processes")
class ProcessDiagramApi {

    private static final int MAX_LISTED = 200;

    private final ProcessDiagrams diagrams;
    private final ProcessTraffic traffic;
    private final TicketNodeVisits visits;
    private final TicketLookup tickets;
    private final Clock clock;

    ProcessDiagramApi(ProcessDiagrams diagrams, ProcessTraffic traffic, TicketNodeVisits visits, TicketLookup tickets,
                      Clock clock) {
        this.diagrams = diagrams;
        this.traffic = traffic;
        this.visits = visits;
        this.tickets = tickets;
        this.clock = clock;
    }

    record ProcessEntry(String processId, String name, int policyVersion, String path) {
    }

    record TicketPath(String key, String processId, int policyVersion, long processInstanceId, List<NodeStay> stays,
                      List<SlaStep> rungsFired) {
    }

    /** The active version's processes. */
    @Operation(summary = "The active policy version's processes")
    @GetMapping("/api/processes")
    List<ProcessEntry> processes() {
        return diagrams.of(diagrams.activeVersion()).stream()
                .map(p -> new ProcessEntry(p.processId(), p.name(), p.policyVersion(), p.path())).toList();
    }

    /** The BPMN file that defines the process, in the active version or the one asked for. */
    @Operation(summary = "A process's BPMN file, in the active version or the one asked for")
    @GetMapping(value = {"/api/processes/{id}/bpmn", "/processes/{id}/bpmn"}, produces = MediaType.APPLICATION_XML_VALUE)
    ResponseEntity<String> bpmn(@PathVariable String id, @RequestParam(required = false) Integer version) {
        ProcessDiagram diagram = diagrams.of(id, version == null ? diagrams.activeVersion() : version);
        return ResponseEntity.ok().header("X-Policy-Version", String.valueOf(diagram.policyVersion()))
                .contentType(MediaType.APPLICATION_XML).body(diagram.xml());
    }

    /** At each node: the open tickets there now, how many are breached, and the median stay over the last 7 days. */
    @Operation(summary = "At each step of a process: its open and breached tickets and the median stay")
    @GetMapping({"/api/processes/{id}/traffic", "/processes/{id}/traffic"})
    Traffic traffic(@PathVariable String id) {
        return traffic.of(id, diagrams.of(id, diagrams.activeVersion()).policyVersion());
    }

    /** The open tickets at that node, the longest there first. */
    @Operation(summary = "The open tickets at a step of a process, the longest there first")
    @GetMapping({"/api/processes/{id}/nodes/{nodeId}/tickets", "/processes/{id}/nodes/{nodeId}/tickets"})
    List<TicketAtNode> ticketsAt(@PathVariable String id, @PathVariable String nodeId,
                                 @RequestParam(defaultValue = "50") int limit) {
        return visits.ticketsAt(id, nodeId, clock.instant(), Math.max(1, Math.min(limit, MAX_LISTED)));
    }

    /** Where the ticket's process has been and is, with the SLA ladder's rungs that fired. */
    @Operation(summary = "Where a ticket's process has been and is, with the SLA rungs that fired")
    @GetMapping({"/api/tickets/{key}/path", "/tickets/{key}/path"})
    TicketPath path(@PathVariable String key) {
        Ticket ticket = tickets.find(key);
        List<NodeStay> stays = visits.staysOf(ticket.id());
        // The process the ticket runs now (a re-decided ticket's earlier one was ended), and those it called.
        String processId = stays.stream().filter(s -> ticket.processInstanceId() != null
                        && s.processInstanceId() == ticket.processInstanceId()).map(NodeStay::processId).findFirst()
                .orElse(null);
        return new TicketPath(ticket.key(), processId, ticket.policyVersion() == null ? 0 : ticket.policyVersion(),
                ticket.processInstanceId() == null ? 0 : ticket.processInstanceId(), stays,
                tickets.slaSteps(ticket.id()));
    }
}
