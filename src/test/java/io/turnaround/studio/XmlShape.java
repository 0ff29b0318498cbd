package io.turnaround.studio;

import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What a BPMN document says, whatever its prefixes, attribute order, indentation and comments: each element by
 * namespace and name, its attributes sorted (a QName value such as {@code xsi:type} by namespace too), its text
 * trimmed, its children in order, except a diagram plane's shapes and edges, which are a set (the drawing order
 * says nothing). An attribute written with its default value is the attribute left out: a boundary event's
 * {@code cancelActivity="true"}, an exclusive gateway's drawn marker {@code isMarkerVisible="true"}. Two documents with
 * the same shape are the same document to a BPMN reader.
 */
final class XmlShape {

    private static final String XSI = XMLConstants.W3C_XML_SCHEMA_INSTANCE_NS_URI;
    private static final String PLANE = "{http://www.omg.org/spec/BPMN/20100524/DI}BPMNPlane";
    private static final Set<String> DEFAULTS = Set.of("cancelActivity=true", "isMarkerVisible=true");

    private XmlShape() {
    }

    static String of(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Element root = factory.newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8))).getDocumentElement();
        StringBuilder shape = new StringBuilder();
        write(root, "", shape);
        return shape.toString();
    }

    private static void write(Element element, String indent, StringBuilder shape) {
        shape.append(shape(element, indent));
    }

    private static String shape(Element element, String indent) {
        StringBuilder shape = new StringBuilder();
        shape.append(indent).append(name(element)).append(attributes(element));
        StringBuilder text = new StringBuilder();
        List<Element> children = new ArrayList<>();
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element e) {
                children.add(e);
            } else if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
                text.append(child.getNodeValue());
            }
        }
        if (!text.toString().isBlank()) {
            shape.append(" text=").append(text.toString().strip());
        }
        shape.append('\n');
        List<String> shapes = new ArrayList<>(children.stream().map(child -> shape(child, indent + "  ")).toList());
        if (name(element).equals(PLANE)) {
            shapes.sort(null);
        }
        shapes.forEach(shape::append);
        return shape.toString();
    }

    private static String name(Node node) {
        return (node.getNamespaceURI() == null ? "" : "{" + node.getNamespaceURI() + "}") + node.getLocalName();
    }

    private static String attributes(Element element) {
        NamedNodeMap attributes = element.getAttributes();
        List<String> shown = new ArrayList<>();
        for (int i = 0; i < attributes.getLength(); i++) {
            Attr attribute = (Attr) attributes.item(i);
            if (XMLConstants.XMLNS_ATTRIBUTE_NS_URI.equals(attribute.getNamespaceURI())) {
                continue;
            }
            String value = attribute.getValue();
            if (XSI.equals(attribute.getNamespaceURI()) && "type".equals(attribute.getLocalName()) && value.contains(":")) {
                String prefix = value.substring(0, value.indexOf(':'));
                value = "{" + element.lookupNamespaceURI(prefix) + "}" + value.substring(value.indexOf(':') + 1);
            }
            String written = name(attribute) + "=" + value;
            if (!DEFAULTS.contains(written)) {
                shown.add(written);
            }
        }
        shown.sort(null);
        return shown.isEmpty() ? "" : " " + shown;
    }
}
