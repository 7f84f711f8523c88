import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Writes the starter's {@code PortaBillingComponentConfiguration} (the {@code camel.component.portabilling.*}
 * properties, one typed field per component option, the description as javadoc so that Spring Boot's configuration
 * processor puts it into the IDE metadata) and {@code PortaBillingComponentConverter} (bean references for object
 * options) from the component JSON that camel-component-maven-plugin generates from the component's annotations.
 * The same shapes as Camel's own starters, which camel-spring-boot generates with its
 * prepare-spring-boot-auto-configuration goal; that plugin only reads org.apache.camel components, hence this one.
 * <p>
 * Run by the build as a single-file program: {@code java -cp <compile classpath> StarterSourceGenerator.java
 * <component JSON resource> <output source directory>}. Fails on an option type it does not know, so that a new kind
 * of option is noticed at build time rather than missing from Spring Boot.
 */
public class StarterSourceGenerator {

    private static final String PACKAGE = "io.github.camelportabilling.component.springboot";
    private static final String PREFIX = "camel.component.portabilling";
    /** Names the camel-spring-boot layer owns (ComponentConfigurationPropertiesCommon). */
    private static final Set<String> RESERVED = Set.of("enabled", "customizer");
    private static final Map<String, String> WRAPPERS = Map.of("boolean", "java.lang.Boolean", "int",
            "java.lang.Integer", "long", "java.lang.Long", "double", "java.lang.Double", "float", "java.lang.Float",
            "short", "java.lang.Short", "byte", "java.lang.Byte", "char", "java.lang.Character");

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: StarterSourceGenerator <component JSON resource> <output dir>");
        }
        JsonNode json;
        try (InputStream in = StarterSourceGenerator.class.getClassLoader().getResourceAsStream(args[0])) {
            if (in == null) {
                throw new IllegalStateException("component JSON " + args[0] + " is not on the classpath");
            }
            json = new ObjectMapper().readTree(in);
        }
        List<Option> options = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : json.get("componentProperties").properties()) {
            options.add(Option.of(e.getKey(), e.getValue()));
        }
        Path dir = Path.of(args[1]).resolve(PACKAGE.replace('.', '/'));
        Files.createDirectories(dir);
        String description = json.get("component").get("description").asText();
        write(dir.resolve("PortaBillingComponentConfiguration.java"), configurationClass(description, options));
        write(dir.resolve("PortaBillingComponentConverter.java"), converterClass(options));
        System.out.println("StarterSourceGenerator: " + options.size() + " options of " + args[0] + " -> " + dir);
    }

    /** One component option as the starter declares it. */
    record Option(String name, String fieldType, String initializer, String javadoc, boolean beanReference) {

        static Option of(String name, JsonNode o) {
            if (RESERVED.contains(name)) {
                throw new IllegalStateException("component option '" + name + "' clashes with camel-spring-boot's "
                                                + PREFIX + "." + name);
            }
            String type = o.get("type").asText();
            String javaType = o.get("javaType").asText();
            JsonNode def = o.get("defaultValue");
            String description = o.path("description").asText("");
            switch (type) {
                case "string":
                    return new Option(name, "java.lang.String", def == null ? null : quote(def.asText()),
                            description, false);
                case "boolean":
                case "integer":
                case "number": {
                    String wrapper = WRAPPERS.getOrDefault(javaType, javaType);
                    String suffix = switch (wrapper) {
                        case "java.lang.Long" -> "L";
                        case "java.lang.Double" -> "D";
                        case "java.lang.Float" -> "F";
                        default -> "";
                    };
                    return new Option(name, wrapper, def == null ? null : def.asText() + suffix, description, false);
                }
                case "duration":
                    // Spring Boot binds 500ms, 10s, 1m (and plain numbers as milliseconds) into a Duration; Camel's
                    // configurer takes the Duration for its millisecond option
                    return new Option(name, "java.time.Duration",
                            def == null ? null : "java.time.Duration.ofMillis(" + millis(def.asText()) + "L)",
                            description, false);
                case "enum":
                    if ("java.lang.String".equals(javaType)) {
                        return new Option(name, javaType, def == null ? null : quote(def.asText()),
                                description + " One of " + o.get("enum") + ".", false);
                    }
                    return new Option(name, javaType, def == null ? null : javaType + "." + def.asText(), description,
                            false);
                case "object":
                    boolean collectionOrPlain = javaType.startsWith("java.util.Map") || javaType.startsWith("java.util.List")
                                                || javaType.startsWith("java.util.Set")
                                                || javaType.equals("java.lang.Object");
                    String text = collectionOrPlain ? description
                            : withPeriod(description) + " The option is a " + javaType + " type: the name of a bean,"
                              + " as #bean:name.";
                    return new Option(name, javaType, null, text, !collectionOrPlain);
                default:
                    throw new IllegalStateException("component option '" + name + "' has the type '" + type
                                                    + "' (" + javaType + "), which StarterSourceGenerator does not"
                                                    + " map to a Spring Boot property yet");
            }
        }
    }

    private static String configurationClass(String description, List<Option> options) {
        StringBuilder s = new StringBuilder();
        s.append("package ").append(PACKAGE).append(";\n\n");
        s.append("import org.apache.camel.spring.boot.ComponentConfigurationPropertiesCommon;\n");
        s.append("import org.springframework.boot.context.properties.ConfigurationProperties;\n\n");
        s.append("/**\n * ").append(javadocText(description, "")).append("\n *\n")
                .append(" * Generated by StarterSourceGenerator from the component JSON: do not edit.\n */\n");
        s.append("@ConfigurationProperties(prefix = \"").append(PREFIX).append("\")\n");
        s.append("public class PortaBillingComponentConfiguration extends ComponentConfigurationPropertiesCommon {\n\n");
        // a field for the inherited flag, so that the configuration processor gives it a description
        s.append("    /**\n     * Whether to enable auto configuration of the portabilling component. This is enabled by"
                 + " default.\n     */\n    private Boolean enabled;\n\n");
        for (Option o : options) {
            s.append("    /**\n     * ").append(javadocText(o.javadoc(), "    ")).append("\n     */\n");
            s.append("    private ").append(o.fieldType()).append(' ').append(o.name());
            if (o.initializer() != null) {
                s.append(" = ").append(o.initializer());
            }
            s.append(";\n\n");
        }
        for (Option o : options) {
            String cap = Character.toUpperCase(o.name().charAt(0)) + o.name().substring(1);
            s.append("    public ").append(o.fieldType()).append(" get").append(cap).append("() {\n        return ")
                    .append(o.name()).append(";\n    }\n\n");
            s.append("    public void set").append(cap).append('(').append(o.fieldType()).append(' ').append(o.name())
                    .append(") {\n        this.").append(o.name()).append(" = ").append(o.name()).append(";\n    }\n\n");
        }
        s.setLength(s.length() - 1);
        return s.append("}\n").toString();
    }

    private static String converterClass(List<Option> options) {
        List<String> types = options.stream().filter(Option::beanReference).map(Option::fieldType).distinct().toList();
        StringBuilder s = new StringBuilder();
        s.append("package ").append(PACKAGE).append(";\n\n");
        s.append("import java.util.LinkedHashSet;\nimport java.util.Set;\n\n");
        s.append("import org.springframework.boot.context.properties.ConfigurationPropertiesBinding;\n");
        s.append("import org.springframework.context.ApplicationContext;\n");
        s.append("import org.springframework.context.annotation.Configuration;\n");
        s.append("import org.springframework.core.convert.TypeDescriptor;\n");
        s.append("import org.springframework.core.convert.converter.GenericConverter;\n\n");
        s.append("/**\n * Binds the object options of {@code ").append(PREFIX).append(".*} to beans:")
                .append(" {@code #bean:name} (or {@code #name}) is the bean of that name.\n *\n")
                .append(" * Generated by StarterSourceGenerator from the component JSON: do not edit.\n */\n");
        s.append("@Configuration(proxyBeanMethods = false)\n@ConfigurationPropertiesBinding\n");
        s.append("public class PortaBillingComponentConverter implements GenericConverter {\n\n");
        s.append("    private final ApplicationContext applicationContext;\n\n");
        s.append("    public PortaBillingComponentConverter(ApplicationContext applicationContext) {\n")
                .append("        this.applicationContext = applicationContext;\n    }\n\n");
        s.append("    @Override\n    public Set<ConvertiblePair> getConvertibleTypes() {\n");
        s.append("        Set<ConvertiblePair> answer = new LinkedHashSet<>();\n");
        for (String t : types) {
            s.append("        answer.add(new ConvertiblePair(String.class, ").append(rawType(t)).append(".class));\n");
        }
        s.append("        return answer;\n    }\n\n");
        s.append("    @Override\n    public Object convert(Object source, TypeDescriptor sourceType,"
                 + " TypeDescriptor targetType) {\n");
        s.append("        if (source == null || !source.toString().startsWith(\"#\")) {\n            return null;\n"
                 + "        }\n");
        s.append("        String ref = source.toString();\n");
        s.append("        ref = ref.startsWith(\"#bean:\") ? ref.substring(6) : ref.substring(1);\n");
        s.append("        return applicationContext.getBean(ref, targetType.getType());\n    }\n}\n");
        return s.toString();
    }

    private static String rawType(String type) {
        int generic = type.indexOf('<');
        return generic < 0 ? type : type.substring(0, generic);
    }

    /** Camel writes duration defaults as milliseconds or as 500ms, 10s, 1m, 1h. */
    private static long millis(String value) {
        String v = value.strip().toLowerCase();
        if (v.matches("\\d+")) {
            return Long.parseLong(v);
        }
        if (v.endsWith("ms")) {
            return Long.parseLong(v.substring(0, v.length() - 2).strip());
        }
        return java.time.Duration.parse("PT" + v).toMillis();
    }

    private static String quote(String s) {
        return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    private static String withPeriod(String s) {
        return s.isEmpty() || s.endsWith(".") ? s : s + ".";
    }

    /** Text safe inside a javadoc comment: no comment end, no unicode escape, lines of a readable length. */
    private static String javadocText(String text, String indent) {
        String safe = text.replace("*/", "*&#47;").replace("\\u", "\\\\u");
        StringBuilder out = new StringBuilder();
        int lineLength = 0;
        for (String word : safe.split("\\s+")) {
            if (lineLength > 0 && lineLength + word.length() > 100) {
                out.append('\n').append(indent).append(" * ");
                lineLength = 0;
            } else if (lineLength > 0) {
                out.append(' ');
                lineLength++;
            }
            out.append(word);
            lineLength += word.length();
        }
        return out.toString();
    }

    private static void write(Path file, String content) throws IOException {
        // unchanged files keep their time stamp, so the compiler does not rebuild for nothing
        if (!Files.exists(file) || !Files.readString(file, StandardCharsets.UTF_8).equals(content)) {
            Files.writeString(file, content, StandardCharsets.UTF_8);
        }
    }
}
