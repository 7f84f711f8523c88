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

    /** The version="..." attribute of an import clause, or null. */
    private static String versionOf(String attributes) {
        Matcher m = Pattern.compile("version=(?:\"([^\"]*)\"|([^;,\"]+))").matcher(attributes);
        return !m.find() ? null : m.group(1) != null ? m.group(1) : m.group(2);
    }

    @Test
    void importsOfCamelJacksonAndHttpClientCarryVersionRanges() throws Exception {
        List<String[]> imports = clauses(manifest().getValue("Import-Package"));
        assertThat(imports).isNotEmpty();
        for (String[] clause : imports) {
            String pkg = clause[0];
            String range = versionOf(clause[1]);
            if (pkg.startsWith("com.fasterxml.jackson")) {
                assertThat(range).as(pkg).isEqualTo("[2.15,3)");
            } else if (!pkg.startsWith("javax.") && !pkg.startsWith("org.apache.hc.")) {
                // javax.* comes from the JDK, which has no package versions; HttpClient 5: see below
                assertThat(range).as(pkg + " has a version range").isNotNull().startsWith("[");
            }
            assertThat(pkg).as("no import of our own packages").doesNotStartWith("io.github.camelportabilling");
        }
        assertThat(imports).extracting(c -> c[0]).contains("org.apache.camel", "org.apache.camel.support",
                "com.fasterxml.jackson.databind", "org.apache.hc.client5.http.impl.classic");
    }

    @Test
    void theCamelImportsAdmitCamelKaraf414UpToCamel422() throws Exception {
        List<String[]> camel = clauses(manifest().getValue("Import-Package")).stream()
                .filter(c -> c[0].startsWith("org.apache.camel")).toList();
        assertThat(camel).isNotEmpty();
        for (String[] clause : camel) {
            OsgiRange range = OsgiRange.parse(versionOf(clause[1]));
            // camel-karaf's newest line on Maven Central here (4.14.x) up to the newest Camel checked (4.22), not 5
            assertThat(range.includes("4.14.5")).as(clause[0] + clause[1] + " admits camel-karaf 4.14.5").isTrue();
            assertThat(range.includes("4.22.0")).as(clause[0] + clause[1]).isTrue();
            assertThat(range.includes("5.0.0")).as(clause[0] + clause[1]).isFalse();
        }
    }

    @Test
    void theHttpClientImportsAdmitCamelKarafsUnversionedWrap() throws Exception {
        List<String[]> hc = clauses(manifest().getValue("Import-Package")).stream()
                .filter(c -> c[0].startsWith("org.apache.hc.")).toList();
        assertThat(hc).extracting(c -> c[0]).contains("org.apache.hc.client5.http.impl.classic", "org.apache.hc.core5.http");
        for (String[] clause : hc) {
            String range = versionOf(clause[1]);
            // camel-karaf installs HttpClient 5 with Karaf's wrap: protocol, which exports its packages as 0.0.0
            assertThat(range == null || OsgiRange.parse(range).includes("0.0.0"))
                    .as(clause[0] + clause[1] + " admits an unversioned export").isTrue();
        }
    }

    /** An OSGi version range: "[a,b)", "(a,b]" or "a" (= a and up). */
    record OsgiRange(int[] low, boolean lowInclusive, int[] high, boolean highInclusive) {

        static OsgiRange parse(String text) {
            String t = text.trim();
            if (t.startsWith("[") || t.startsWith("(")) {
                String[] ends = t.substring(1, t.length() - 1).split(",");
                return new OsgiRange(version(ends[0]), t.startsWith("["), version(ends[1]), t.endsWith("]"));
            }
            return new OsgiRange(version(t), true, null, false);
        }

        boolean includes(String v) {
            int[] x = version(v);
            int lo = compare(x, low);
            if (lo < 0 || (lo == 0 && !lowInclusive)) {
                return false;
            }
            if (high == null) {
                return true;
            }
            int hi = compare(x, high);
            return hi < 0 || (hi == 0 && highInclusive);
        }

        private static int[] version(String s) {
            String[] parts = s.trim().split("\\.");
            int[] v = new int[3];
            for (int i = 0; i < Math.min(3, parts.length); i++) {
                v[i] = Integer.parseInt(parts[i]);
            }
            return v;
        }

        private static int compare(int[] a, int[] b) {
            for (int i = 0; i < 3; i++) {
                if (a[i] != b[i]) {
                    return Integer.compare(a[i], b[i]);
                }
            }
            return 0;
        }
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
    }

    /** The features our feature requires: name → version range. */
    private static java.util.Map<String, String> requiredFeatures() throws Exception {
        Document doc = DocumentBuilderFactory.newInstance()
                .newDocumentBuilder().parse(Path.of("target/feature/features.xml").toFile());
        NodeList children = ((org.w3c.dom.Element) doc.getElementsByTagName("feature").item(0))
                .getElementsByTagName("feature");
        java.util.Map<String, String> required = new java.util.LinkedHashMap<>();
        for (int i = 0; i < children.getLength(); i++) {
            org.w3c.dom.Element f = (org.w3c.dom.Element) children.item(i);
            required.put(f.getTextContent().trim(), f.getAttribute("version"));
        }
        return required;
    }

    @Test
    void theFeatureRequiresOnlyFeaturesCamelKarafHas() throws Exception {
        // camel-karaf has no camel-health feature (the bundle is part of its camel-core): requiring it fails the install
        assertThat(requiredFeatures().keySet()).containsExactlyInAnyOrder("camel-core", "camel-http", "camel-jackson");
    }

    @Test
    void theFeatureVersionsAdmitCamelKaraf414() throws Exception {
        requiredFeatures().forEach((name, range) -> assertThat(OsgiRange.parse(range).includes("4.14.5"))
                .as("camel-karaf 4.14.5's " + name + " in " + range).isTrue());
    }

    /** commons-text imports org.apache.commons.lang3 at a version of its own; the feature must ship a lang3 in that range. */
    @Test
    void theFeatureShipsTheCommonsLang3ThatCommonsTextImports() throws Exception {
        Path commonsText = Path.of(org.apache.commons.text.StringSubstitutor.class.getProtectionDomain().getCodeSource()
                .getLocation().toURI());
        String lang3Range;
        try (java.util.jar.JarFile jar = new java.util.jar.JarFile(commonsText.toFile())) {
            lang3Range = clauses(jar.getManifest().getMainAttributes().getValue("Import-Package")).stream()
                    .filter(c -> c[0].equals("org.apache.commons.lang3")).map(c -> versionOf(c[1])).findFirst().orElseThrow();
        }
        Document doc = DocumentBuilderFactory.newInstance()
                .newDocumentBuilder().parse(Path.of("target/feature/features.xml").toFile());
        NodeList bundles = doc.getElementsByTagName("bundle");
        String lang3 = null;
        for (int i = 0; i < bundles.getLength(); i++) {
            Matcher m = Pattern.compile("mvn:org\\.apache\\.commons/commons-lang3/(.+)").matcher(bundles.item(i).getTextContent().trim());
            if (m.matches()) {
                lang3 = m.group(1);
            }
        }
        assertThat(lang3).as("a commons-lang3 bundle in the feature (commons-text " + commonsText.getFileName()
                + " imports org.apache.commons.lang3 " + lang3Range + ")").isNotNull();
        assertThat(OsgiRange.parse(lang3Range).includes(lang3)).as("commons-lang3 " + lang3 + " in " + lang3Range).isTrue();
    }
}
