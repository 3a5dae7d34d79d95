package dev.orchestra.engine.validate;

import dev.orchestra.engine.BadInputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/** Parses one JUnit XML file (a {@code testsuite} or {@code testsuites} root) into test cases. */
final class JUnitXml {
    private static final int DETAIL_LINES = 30;

    private JUnitXml() {}

    static List<TestCase> parse(Path file) {
        Element root = load(file).getDocumentElement();
        String rootName = root.getTagName();
        if (!rootName.equals("testsuite") && !rootName.equals("testsuites")) {
            throw new BadInputException(file + ": not a JUnit XML report (root element is <" + rootName + ">)");
        }
        List<TestCase> cases = new ArrayList<>();
        collect(root, root.getAttribute("name"), cases);
        return cases;
    }

    private static org.w3c.dom.Document load(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            DocumentBuilder builder = safeFactory().newDocumentBuilder();
            builder.setEntityResolver((publicId, systemId) -> new InputSource(InputStream.nullInputStream()));
            builder.setErrorHandler(new QuietErrors());
            return builder.parse(in);
        } catch (SAXException e) {
            throw new BadInputException(file + ": not a JUnit XML report (" + e.getMessage() + ")", e);
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot read (" + e.getMessage() + ")", e);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK XML parser cannot be made safe", e);
        }
    }

    /** No external entities, no external DTDs, no XInclude: a report can never read other files. */
    private static DocumentBuilderFactory safeFactory() throws ParserConfigurationException {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
        factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        factory.setNamespaceAware(false);
        return factory;
    }

    /** Fails on errors without printing them to stderr; the exception carries the message. */
    private static final class QuietErrors implements org.xml.sax.ErrorHandler {
        @Override
        public void warning(org.xml.sax.SAXParseException e) {}

        @Override
        public void error(org.xml.sax.SAXParseException e) throws SAXException {
            throw e;
        }

        @Override
        public void fatalError(org.xml.sax.SAXParseException e) throws SAXException {
            throw e;
        }
    }

    private static void collect(Element parent, String suiteName, List<TestCase> into) {
        for (Element child : children(parent)) {
            switch (child.getTagName()) {
                case "testsuite", "testsuites" -> collect(child, nameOr(child, suiteName), into);
                case "testcase" -> into.add(testCase(child, suiteName));
                default -> { }
            }
        }
    }

    private static TestCase testCase(Element testcase, String suiteName) {
        String className = nameOr(testcase, "classname", suiteName);
        String id = className + "#" + testcase.getAttribute("name");
        double seconds = seconds(testcase.getAttribute("time"));
        Element problem = first(testcase, "error", "failure");
        if (problem != null) {
            TestCase.Outcome outcome = problem.getTagName().equals("error")
                    ? TestCase.Outcome.ERROR : TestCase.Outcome.FAILED;
            return new TestCase(id, outcome, message(problem), detail(problem.getTextContent()), seconds);
        }
        if (first(testcase, "skipped") != null) {
            return new TestCase(id, TestCase.Outcome.SKIPPED, message(first(testcase, "skipped")), "", seconds);
        }
        // flakyFailure / flakyError without a final failure: surefire says it passed on a rerun.
        return new TestCase(id, TestCase.Outcome.PASSED, "", "", seconds);
    }

    private static String message(Element problem) {
        String attribute = problem.getAttribute("message").strip();
        if (!attribute.isEmpty()) {
            return attribute.lines().findFirst().orElse("");
        }
        return problem.getTextContent().strip().lines().findFirst().orElse("");
    }

    private static String detail(String text) {
        List<String> lines = text.strip().lines().toList();
        if (lines.size() <= DETAIL_LINES) {
            return String.join("\n", lines);
        }
        return String.join("\n", lines.subList(0, DETAIL_LINES))
                + "\n... (" + (lines.size() - DETAIL_LINES) + " more lines)";
    }

    private static double seconds(String time) {
        try {
            return time.isBlank() ? 0 : Double.parseDouble(time.replace(",", "").strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String nameOr(Element element, String fallback) {
        return nameOr(element, "name", fallback);
    }

    private static String nameOr(Element element, String attribute, String fallback) {
        String value = element.getAttribute(attribute).strip();
        return value.isEmpty() ? fallback : value;
    }

    private static Element first(Element parent, String... names) {
        for (String name : names) {
            for (Element child : children(parent)) {
                if (child.getTagName().equals(name)) {
                    return child;
                }
            }
        }
        return null;
    }

    private static List<Element> children(Element parent) {
        List<Element> elements = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element) {
                elements.add(element);
            }
        }
        return elements;
    }
}
