package io.github.camelportabilling.karaf.it;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.parsers.DocumentBuilderFactory;

import aQute.bnd.osgi.Analyzer;
import aQute.bnd.osgi.Constants;
import aQute.bnd.osgi.Jar;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Bundles for camel-karaf's features where the Maven Central copy this project builds from lacks camel-karaf's own.
 *
 * <p>camel-karaf's features descriptor ({@code org.apache.camel.karaf:apache-camel}) is on that copy, and so are the
 * third-party bundles it lists and camel-karaf's OSGi glue ({@code camel-core-osgi}), but not the
 * {@code org.apache.camel.karaf:camel-*} bundles that repackage a plain Camel jar. Each of those is rebuilt here
 * the way camel-karaf builds it (the plain jar, {@code Export-Package: org.apache.camel*} at its version, its Camel
 * imports mandatory, other imports optional) from the plain Camel jar of the same name (4.14.0: the 4.14 release
 * whose jars all resolve here), and put at the coordinates the descriptor names, in a file repository Karaf reads
 * first. The descriptor itself is used as published. With the real camel-karaf bundles at hand (a full Maven
 * Central), {@code -Dkaraf.it.standIns=false} skips all this and Karaf installs camel-karaf as published.
 *
 * <p>Bundles of camel-karaf's own code that are missing too ({@code camel-directvm}, {@code camel-vm}: components
 * that plain Camel 4 no longer has; {@code camel-karaf-shell}: the {@code camel:*} shell commands) get an empty
 * placeholder, so the features install; those components and commands are then not available (the routes under
 * test use none of them).
 */
final class CamelKarafStandIns {

    private static final String NS = "http://karaf.apache.org/xmlns/features/v1.6.0";
    private static final Pattern CAMEL_KARAF_BUNDLE = Pattern.compile("mvn:org\\.apache\\.camel\\.karaf/([^/]+)/([^/$]+)");

    /** camel-karaf's own code that the copy has: used as published. */
    static final Set<String> FROM_MAVEN_CENTRAL = Set.of("camel-core-osgi");
    /** camel-karaf's own code that neither the copy nor plain Camel 4 has. */
    static final Set<String> PLACEHOLDERS = Set.of("camel-directvm", "camel-vm", "camel-karaf-shell");

    /** camel-karaf bundles that are more than one plain jar (camel-karaf shades them together). */
    static final Map<String, List<String>> MERGED = Map.of("camel-xml-jaxp", List.of("camel-xml-jaxp-util"));

    private CamelKarafStandIns() {
    }

    /**
     * Builds the stand-ins for every camel-karaf bundle the given features need (their own bundles, conditional
     * ones included, and those of the features they require). Returns what it put into the repository:
     * artifactId → "stand-in from [camel-api-4.14.0.jar]" or "placeholder".
     */
    static Map<String, String> build(Path featuresXml, List<String> features, Path plainCamelJars, String plainCamelVersion,
            Path repository) throws Exception {
        Map<String, String> built = new ConcurrentSkipListMap<>();
        List<Callable<Void>> jobs = new ArrayList<>();
        for (String[] bundle : bundlesOf(featuresXml, features)) {
            String artifactId = bundle[0];
            String version = bundle[1];
            if (FROM_MAVEN_CENTRAL.contains(artifactId)) {
                continue;
            }
            Path target = repository.resolve("org/apache/camel/karaf/" + artifactId + "/" + version + "/" + artifactId
                    + "-" + version + ".jar");
            Files.createDirectories(target.getParent());
            if (PLACEHOLDERS.contains(artifactId)) {
                placeholder(artifactId, plainCamelVersion, target);
                built.put(artifactId, "placeholder");
                continue;
            }
            List<Path> plain = new ArrayList<>();
            for (String jar : concat(artifactId, MERGED.getOrDefault(artifactId, List.of()))) {
                Path file = plainCamelJars.resolve(jar + "-" + plainCamelVersion + ".jar");
                if (!Files.isRegularFile(file)) {
                    throw new IllegalStateException("camel-karaf's " + artifactId + " " + version + " needs the plain jar "
                            + file.getFileName() + " in " + plainCamelJars
                            + ": add org.apache.camel:" + jar + " to karaf-it's provided dependencies");
                }
                plain.add(file);
            }
            jobs.add(() -> {
                repackage(plain, artifactId, plainCamelVersion, target);
                built.put(artifactId, "stand-in from " + plain.stream().map(p -> p.getFileName().toString()).toList());
                return null;
            });
        }
        // bnd reads every class of each jar: one job per core
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Runtime.getRuntime().availableProcessors()));
        try {
            for (Future<Void> f : pool.invokeAll(jobs)) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return built;
    }

    /** {artifactId, version} of each camel-karaf bundle the features need, in the order the descriptor lists them. */
    static List<String[]> bundlesOf(Path featuresXml, List<String> roots) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        Document doc = f.newDocumentBuilder().parse(featuresXml.toFile());
        Map<String, List<Element>> byName = new LinkedHashMap<>();
        NodeList all = doc.getDocumentElement().getChildNodes();
        for (int i = 0; i < all.getLength(); i++) {
            if (all.item(i) instanceof Element e && "feature".equals(e.getLocalName())) {
                byName.computeIfAbsent(e.getAttribute("name"), k -> new ArrayList<>()).add(e);
            }
        }
        Set<String> seen = new LinkedHashSet<>();
        Map<String, String[]> bundles = new LinkedHashMap<>();
        List<String> todo = new ArrayList<>(roots);
        while (!todo.isEmpty()) {
            String name = todo.remove(0);
            if (!seen.add(name) || !byName.containsKey(name)) {
                continue;
            }
            for (Element feature : byName.get(name)) {
                collect(feature, todo, bundles);
            }
        }
        return new ArrayList<>(bundles.values());
    }

    /** The bundles and required features of a feature or of a conditional part of it (Karaf's resolver pulls those in too). */
    private static void collect(Element parent, List<String> features, Map<String, String[]> bundles) {
        NodeList children = parent.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (!(children.item(i) instanceof Element child) || !NS.equals(child.getNamespaceURI())) {
                continue;
            }
            switch (child.getLocalName()) {
                case "feature" -> features.add(child.getTextContent().trim());
                case "conditional" -> collect(child, features, bundles);
                case "bundle" -> {
                    Matcher m = CAMEL_KARAF_BUNDLE.matcher(child.getTextContent().trim());
                    if (m.lookingAt()) {
                        bundles.putIfAbsent(m.group(1), new String[] { m.group(1), m.group(2) });
                    }
                }
                default -> {
                    // condition, config, configfile, capability...: no bundles
                }
            }
        }
    }

    private static List<String> concat(String first, List<String> rest) {
        List<String> all = new ArrayList<>(List.of(first));
        all.addAll(rest);
        return all;
    }

    private static void repackage(List<Path> plain, String artifactId, String version, Path target) throws Exception {
        List<Jar> merged = new ArrayList<>();
        try (Jar jar = new Jar(plain.get(0).toFile()); Analyzer analyzer = new Analyzer()) {
            for (Path more : plain.subList(1, plain.size())) {
                Jar other = new Jar(more.toFile()); // open until the jar is written: its entries are read from it
                merged.add(other);
                jar.addAll(other);
            }
            analyzer.setJar(jar);
            analyzer.setProperty(Constants.BUNDLE_SYMBOLICNAME, artifactId);
            analyzer.setProperty(Constants.BUNDLE_VERSION, version);
            analyzer.setProperty(Constants.BUNDLE_NAME, artifactId + " (stand-in for camel-karaf's, made by karaf-it)");
            analyzer.setProperty(Constants.EXPORT_PACKAGE, "org.apache.camel*;version=" + version);
            // camel-karaf tunes the imports per bundle (e.g. io.quarkus.arc optional in camel-util); the stand-ins
            // keep the Camel ones mandatory, which wire Camel together, and make the rest (integrations the plain
            // jar refers to) optional: they are still wired where a bundle of the features exports them
            analyzer.setProperty(Constants.IMPORT_PACKAGE, "org.apache.camel*, *;resolution:=optional");
            analyzer.setProperty(Constants.NOEXTRAHEADERS, "true");
            analyzer.setProperty(Constants.NOIMPORTJAVA, "true");
            // no uses:= directives: computing them is about 40% of bnd's time here, and they only narrow which
            // exporter a bundle may wire to, while these features install one exporter of each Camel package
            analyzer.setProperty(Constants.NOUSES, "true");
            Manifest manifest = analyzer.calcManifest();
            if (!analyzer.getErrors().isEmpty()) {
                throw new IllegalStateException("bnd could not repackage " + plain + ": " + analyzer.getErrors());
            }
            jar.setManifest(manifest);
            jar.write(target.toFile());
        } finally {
            for (Jar j : merged) {
                j.close();
            }
        }
    }

    private static void placeholder(String artifactId, String version, Path target) throws IOException {
        Manifest manifest = new Manifest();
        Attributes a = manifest.getMainAttributes();
        a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        a.putValue("Bundle-ManifestVersion", "2");
        a.putValue("Bundle-SymbolicName", artifactId);
        a.putValue("Bundle-Version", version);
        a.putValue("Bundle-Name", artifactId + " (empty placeholder for camel-karaf's, made by karaf-it)");
        try (OutputStream out = Files.newOutputStream(target); JarOutputStream jar = new JarOutputStream(out, manifest)) {
            jar.flush();
        }
    }
}
