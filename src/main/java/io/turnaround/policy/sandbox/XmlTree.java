package io.turnaround.policy.sandbox;

import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.stream.Stream;

/**
 * An XML file as elements by local name, each with its start line, attributes and text. A DOCTYPE is refused, so no
 * entity of an uploaded file can read the server's files or reach the network.
 */
public final class XmlTree {

    /** One element; attribute names are local (no prefix). A class, not a record: it links to its parent. */
    public static final class Node {

        private final String name;
        private final int line;
        private final Map<String, String> attributes;
        private final StringBuilder text = new StringBuilder();
        private final List<Node> children = new ArrayList<>();
        private final Node parent;

        Node(String name, int line, Map<String, String> attributes, Node parent) {
            this.name = name;
            this.line = line;
            this.attributes = attributes;
            this.parent = parent;
        }

        public String name() {
            return name;
        }

        public int line() {
            return line;
        }

        public Map<String, String> attributes() {
            return attributes;
        }

        public String attribute(String localName) {
            return attributes.get(localName);
        }

        public String text() {
            return text.toString();
        }

        public List<Node> children() {
            return children;
        }

        /** The enclosing element; the root is its own. */
        public Node parent() {
            return parent == null ? this : parent;
        }

        public Optional<Node> child(String localName) {
            return children.stream().filter(c -> c.name.equals(localName)).findFirst();
        }

        public Stream<Node> descendants(String... localNames) {
            Set<String> names = Set.of(localNames);
            return Stream.concat(Stream.of(this), children.stream().flatMap(c -> c.descendants(localNames)))
                    .filter(n -> names.contains(n.name));
        }

        @Override
        public String toString() {
            return "<" + name + "> at line " + line;
        }
    }

    private XmlTree() {
    }

    /** The root element, or empty after reporting (line, message) why the file cannot be read. */
    public static Optional<Node> parse(String text, BiConsumer<Integer, String> problems) {
        Builder builder = new Builder();
        try {
            SAXParserFactory factory = SAXParserFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.newSAXParser().parse(new InputSource(new StringReader(text)), builder);
            return Optional.ofNullable(builder.root);
        } catch (SAXParseException e) {
            problems.accept(Math.max(e.getLineNumber(), 0), e.getMessage().contains("DOCTYPE")
                    ? "a DOCTYPE is not allowed in a policy file" : "not well-formed XML: " + e.getMessage());
        } catch (SAXException | ParserConfigurationException | IOException e) {
            problems.accept(0, "cannot read the file as XML: " + e.getMessage());
        }
        return Optional.empty();
    }

    private static final class Builder extends DefaultHandler {

        private final Deque<Node> open = new ArrayDeque<>();
        private Locator locator;
        private Node root;

        @Override
        public void setDocumentLocator(Locator locator) {
            this.locator = locator;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) {
            Map<String, String> values = new LinkedHashMap<>();
            for (int i = 0; i < attributes.getLength(); i++) {
                values.put(attributes.getLocalName(i), attributes.getValue(i));
            }
            Node node = new Node(localName, locator == null ? 0 : locator.getLineNumber(), values, open.peek());
            if (open.isEmpty()) {
                root = node;
            } else {
                open.peek().children.add(node);
            }
            open.push(node);
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            open.pop();
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (!open.isEmpty()) {
                open.peek().text.append(ch, start, length);
            }
        }
    }
}
