package io.github.camelportabilling.example;

import java.util.Comparator;

import org.apache.camel.component.file.GenericFile;

/**
 * The inbox route's file order: every customer before any account (accounts name their customer, which must exist
 * by then), and by file name within each folder, so runs are repeatable.
 */
public class CustomersBeforeAccounts implements Comparator<GenericFile<?>> {

    @Override
    public int compare(GenericFile<?> a, GenericFile<?> b) {
        int byFolder = Integer.compare(rank(a), rank(b));
        return byFolder != 0 ? byFolder : a.getRelativeFilePath().compareTo(b.getRelativeFilePath());
    }

    private static int rank(GenericFile<?> file) {
        return file.getRelativeFilePath().startsWith("customers") ? 0 : 1;
    }
}
