package io.github.camelportabilling.component.internal;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;

import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * "Did you mean" hints: the names closest to a wrong one by edit distance, case ignored, so {@code account/...}
 * finds {@code Account/...} and {@code i_acount} finds {@code i_account}.
 */
public final class Suggestions {

    private Suggestions() {
    }

    /**
     * @param  minDistance the largest distance always accepted; longer names accept up to a quarter of their length
     * @return             up to {@code max} names, closest first (ties by name)
     */
    public static List<String> closest(String wanted, Collection<String> names, int max, int minDistance) {
        LevenshteinDistance distance = LevenshteinDistance.getDefaultInstance();
        String lower = wanted.toLowerCase();
        int limit = Math.max(minDistance, wanted.length() / 4);
        return names.stream()
                .map(name -> new Scored(name, distance.apply(lower, name.toLowerCase())))
                .filter(s -> s.score <= limit)
                .sorted(Comparator.comparingInt(Scored::score).thenComparing(Scored::name))
                .limit(max)
                .map(Scored::name)
                .toList();
    }

    private record Scored(String name, int score) {
    }
}
