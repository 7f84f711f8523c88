package io.github.camelportabilling.component;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OSGi manifest bnd writes for Karaf (checked in target/classes, which the jar uses as its manifest) and the
 * Karaf features file.
 */
class KarafPackagingTest {

    private static Attributes manifest() throws Exception {
        try (InputStream in = Files.newInputStream(Path.of("target/classes/META-INF/MANIFEST.MF"))) {
            return new Manifest(in).getMainAttributes();
        }
    }

    /** Package name → attributes, from an OSGi header (commas inside quotes belong to the attribute). */
    private static List<String[]> clauses(String header) {
        Matcher m = Pattern.compile("([\\w.]+)((?:;[^,\"]*(?:\"[^\"]*\")?)*)").matcher(header);
        List<String[]> clauses = new java.util.ArrayList<>();
        while (m.find()) {
            clauses.add(new String[] { m.group(1), m.group(2) });
        }
        return clauses;
    }

    @Test
    void theBundleExportsThePublicPackageOnlyAndKeepsInternalsPrivate() throws Exception {
        Attributes a = manifest();
        assertThat(a.getValue("Bundle-ManifestVersion")).isEqualTo("2");
        assertThat(a.getValue("Bundle-SymbolicName")).isEqualTo("io.github.camelportabilling.camel-portabilling");
        assertThat(a.getValue("Bundle-Version")).startsWith("0.1.0");
        List<String> exported = clauses(a.getValue("Export-Package")).stream().map(c -> c[0])
                .filter(p -> p.startsWith("io.github")).toList();
        assertThat(exported).containsExactly("io.github.camelportabilling.component");
        assertThat(a.getValue("Private-Package")).contains("io.github.camelportabilling.component.internal");
    }

    @Test
    void importsOfCamelJacksonAndHttpClientCarryVersionRanges() throws Exception {
        List<String[]> imports = clauses(manifest().getValue("Import-Package"));
        assertThat(imports).isNotEmpty();
        for (String[] clause : imports) {
            String pkg = clause[0];
            if (pkg.startsWith("org.apache.camel")) {
                assertThat(clause[1]).as(pkg).contains("version=\"[4.18,5)\"");
            } else if (pkg.startsWith("com.fasterxml.jackson")) {
                assertThat(clause[1]).as(pkg).contains("version=\"[2.15,3)\"");
            } else if (pkg.startsWith("org.apache.hc.client5")) {
                assertThat(clause[1]).as(pkg).contains("version=\"[5.3,6)\"");
            } else if (!pkg.startsWith("javax.")) {
                // javax.* comes from the JDK, which has no package versions
                assertThat(clause[1]).as(pkg + " has a version range").contains("version=\"[");
            }
            assertThat(pkg).as("no import of our own packages").doesNotStartWith("io.github.camelportabilling");
        }
        assertThat(imports).extracting(c -> c[0]).contains("org.apache.camel", "org.apache.camel.support",
                "com.fasterxml.jackson.databind", "org.apache.hc.client5.http.impl.classic");
    }

    @Test
    void theFeaturesFileInstallsTheBundleWithCamelFeatures() throws Exception {
        Document doc = DocumentBuilderFactory.newInstance()
                .newDocumentBuilder().parse(Path.of("target/feature/features.xml").toFile());
        NodeList features = doc.getElementsByTagName("feature");
        assertThat(features.item(0).getAttributes().getNamedItem("name").getNodeValue()).isEqualTo("camel-portabilling");
        NodeList bundles = doc.getElementsByTagName("bundle");
        List<String> locations = new java.util.ArrayList<>();
        for (int i = 0; i < bundles.getLength(); i++) {
            locations.add(bundles.item(i).getTextContent());
        }
        assertThat(locations).contains("mvn:io.github.camelportabilling/camel-portabilling/0.1.0-SNAPSHOT")
                .anyMatch(l -> l.startsWith("mvn:org.apache.commons/commons-text/1."))
                .noneMatch(l -> l.contains("${"));
        String text = Files.readString(Path.of("target/feature/features.xml"));
        assertThat(text).contains("<feature version=\"[4.18,5)\">camel-http</feature>");
    }
}
