package dev.springxhr.docs.gettingstarted;

import java.io.InputStream;
import java.nio.file.Path;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Maven dependencies that docs/getting-started.md shows ({@code snippets/starter-dependency.xml},
 * {@code snippets/core-dependency.xml}) and docs/testing.md ({@code snippets/test-dependency.xml}) name the starter,
 * the engine and the test support as their poms do: the group, the artifact and
 * the version a user adds.
 */
class StarterDependencySnippetTests {

	@Test
	void theDependencySnippetHasTheStartersCoordinates() throws Exception {
		assertSnippetHasCoordinatesOf("/snippets/starter-dependency.xml", "xhr-spring-boot-starter");
	}

	@Test
	void theEngineDependencySnippetHasXhrCoresCoordinates() throws Exception {
		assertSnippetHasCoordinatesOf("/snippets/core-dependency.xml", "xhr-core");
	}

	@Test
	void theTestSupportDependencySnippetHasItsCoordinates() throws Exception {
		assertSnippetHasCoordinatesOf("/snippets/test-dependency.xml", "xhr-spring-boot-test");
	}

	private void assertSnippetHasCoordinatesOf(String snippetResource, String module) throws Exception {
		Element snippet;
		try (InputStream in = getClass().getResourceAsStream(snippetResource)) {
			// the resource is a comment and one element
			snippet = parse(in).getDocumentElement();
		}
		Document starterPom;
		try (InputStream in = Path.of("..", module, "pom.xml").toUri().toURL().openStream()) {
			starterPom = parse(in);
		}
		Element starter = starterPom.getDocumentElement();
		Element parent = (Element) starter.getElementsByTagName("parent").item(0);

		assertThat(text(snippet, "groupId")).isEqualTo(text(parent, "groupId"));
		assertThat(text(snippet, "artifactId")).isEqualTo(directChildText(starter, "artifactId"));
		assertThat(text(snippet, "version")).isEqualTo(text(parent, "version"));
	}

	private static Document parse(InputStream in) throws Exception {
		DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
		factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
		return factory.newDocumentBuilder().parse(in);
	}

	private static String text(Element element, String name) {
		return element.getElementsByTagName(name).item(0).getTextContent().strip();
	}

	private static String directChildText(Element element, String name) {
		for (org.w3c.dom.Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
			if (child instanceof Element e && e.getTagName().equals(name)) {
				return e.getTextContent().strip();
			}
		}
		throw new AssertionError("no <" + name + "> in the pom");
	}

}
