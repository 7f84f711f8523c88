package io.github.camelportabilling.component;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The exported package shows no type of the private {@code internal} package in a public or protected signature: the
 * OSGi bundle keeps internal private, so such a method could not be called from another bundle (bnd warns about it).
 */
class PublicApiTest {

    @Test
    void noPublicSignatureUsesAnInternalType() throws Exception {
        Path dir = Path.of(PortaBillingComponent.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .resolve("io/github/camelportabilling/component");
        List<String> leaks = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = file.getFileName().toString().replace(".class", "");
                Class<?> type = Class.forName("io.github.camelportabilling.component." + name.replace('/', '.'));
                if (!Modifier.isPublic(type.getModifiers())) {
                    continue;
                }
                for (Method m : type.getDeclaredMethods()) {
                    if (!(Modifier.isPublic(m.getModifiers()) || Modifier.isProtected(m.getModifiers())) || m.isSynthetic()) {
                        continue;
                    }
                    List<Type> types = new ArrayList<>(List.of(m.getGenericParameterTypes()));
                    types.add(m.getGenericReturnType());
                    for (Type t : types) {
                        if (t.getTypeName().contains(".component.internal.")) {
                            leaks.add(type.getSimpleName() + "." + m.getName() + ": " + t.getTypeName());
                        }
                    }
                }
            }
        }
        assertThat(leaks).isEmpty();
    }
}
