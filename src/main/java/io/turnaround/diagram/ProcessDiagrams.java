package io.turnaround.diagram;

import io.turnaround.policy.ActivePolicy;
import io.turnaround.policy.PolicyBundle;
import io.turnaround.policy.PolicyDeployments;
import org.springframework.stereotype.Service;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The processes a policy version defines, found in its {@code processes/*.bpmn} files. A version's files never change,
 * so each version is read once.
 */
@Service
public class ProcessDiagrams {

    private static final String BPMN_NS = "http://www.omg.org/spec/BPMN/20100524/MODEL";

    private final ActivePolicy active;
    private final PolicyDeployments deployments;
    private final Map<Integer, List<ProcessDiagram>> byVersion = new ConcurrentHashMap<>();

    ProcessDiagrams(ActivePolicy active, PolicyDeployments deployments) {
        this.active = active;
        this.deployments = deployments;
    }

    public int activeVersion() {
        return active.active().number();
    }

    /** The processes of that version, in the order of their files. */
    public List<ProcessDiagram> of(int policyVersion) {
        return byVersion.computeIfAbsent(policyVersion, v -> read(v, deployments.bundle(v)));
    }

    public ProcessDiagram of(String processId, int policyVersion) {
        return of(policyVersion).stream().filter(p -> p.processId().equals(processId)).findFirst()
                .orElseThrow(() -> new ProcessNotFoundException(processId, policyVersion));
    }

    private static List<ProcessDiagram> read(int version, PolicyBundle bundle) {
        List<ProcessDiagram> processes = new ArrayList<>();
        bundle.files().forEach((path, xml) -> {
            if (path.startsWith("processes/") && path.endsWith(".bpmn")) {
                processesIn(xml).forEach(process -> processes.add(
                        new ProcessDiagram(process[0], process[1], version, path, xml)));
            }
        });
        return List.copyOf(processes);
    }

    /** The id and name of each process element of the file; none if it cannot be read (the checks say why). */
    private static List<String[]> processesIn(String xml) {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        List<String[]> found = new ArrayList<>();
        try {
            XMLStreamReader reader = factory.createXMLStreamReader(new StringReader(xml));
            while (reader.hasNext()) {
                if (reader.next() == XMLStreamReader.START_ELEMENT && BPMN_NS.equals(reader.getNamespaceURI())
                        && "process".equals(reader.getLocalName()) && reader.getAttributeValue(null, "id") != null) {
                    String id = reader.getAttributeValue(null, "id");
                    String name = reader.getAttributeValue(null, "name");
                    found.add(new String[] {id, name == null || name.isBlank() ? id : name});
                }
            }
        } catch (XMLStreamException unreadable) {
            return List.of();
        }
        return found;
    }
}
