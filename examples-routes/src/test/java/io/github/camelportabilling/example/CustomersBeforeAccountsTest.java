package io.github.camelportabilling.example;

import java.util.ArrayList;
import java.util.List;

import org.apache.camel.component.file.GenericFile;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CustomersBeforeAccountsTest {

    @Test
    void customersComeFirstThenEachFolderByName() {
        List<GenericFile<?>> files = new ArrayList<>(List.of(
                file("accounts/b.json"), file("customers/z.json"), file("accounts/a.json"), file("customers/m.json")));

        files.sort(new CustomersBeforeAccounts());

        assertThat(files).extracting(GenericFile::getRelativeFilePath)
                .containsExactly("customers/m.json", "customers/z.json", "accounts/a.json", "accounts/b.json");
    }

    private static GenericFile<?> file(String relativePath) {
        GenericFile<Object> file = new GenericFile<>();
        file.setRelativeFilePath(relativePath);
        return file;
    }
}
