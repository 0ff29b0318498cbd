package io.turnaround.studio;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Which elements of a process a line of its XML belongs to: those with an id around it, the innermost first, so that a
 * problem reported at a line (by the checks or the compiler) can be shown on the diagram at the first of them it draws
 * (a timer's definition is no shape, its event is). The drawing's elements do not count.
 */
final class ProcessElements {

    private static final String DIAGRAM_NS = "http://www.omg.org/spec/BPMN/20100524/DI";

    private ProcessElements() {
    }

    /** The ids of the elements whose text holds the line, innermost first; none for no such element or no readable XML. */
    static List<String> at(String xml, int line) {
        if (line <= 0) {
            return List.of();
        }
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        Deque<String> open = new ArrayDeque<>();
        try {
            XMLStreamReader reader = factory.createXMLStreamReader(new StringReader(xml));
            while (reader.hasNext()) {
                int event = reader.next();
                if (event == XMLStreamReader.START_ELEMENT) {
                    if (reader.getLocation().getLineNumber() > line) {
                        break;
                    }
                    String id = DIAGRAM_NS.equals(reader.getNamespaceURI()) ? null : reader.getAttributeValue(null, "id");
                    open.push(id == null ? "" : id);
                } else if (event == XMLStreamReader.END_ELEMENT) {
                    if (reader.getLocation().getLineNumber() >= line) {
                        break;
                    }
                    open.pop();
                }
            }
        } catch (XMLStreamException unreadable) {
            return List.of();
        }
        return open.stream().filter(id -> !id.isEmpty()).toList();
    }
}
