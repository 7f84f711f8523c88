package io.github.camelportabilling.simulator;

import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToIntFunction;
import java.util.function.ToLongFunction;

/**
 * One get_*_list request: a filter (with a canonical key, so pages of the same listing can share cursors),
 * zero-based {@code offset}, {@code limit} (absent or 0 = no limit) and {@code get_total}.
 */
final class ListQuery<R> {

    final String filterKey; // "" = no filter
    final Predicate<R> filter;
    final int offset;
    final int limit;
    final boolean withTotal;

    private ListQuery(String filterKey, Predicate<R> filter, int offset, int limit, boolean withTotal) {
        this.filterKey = filterKey;
        this.filter = filter;
        this.offset = offset;
        this.limit = limit;
        this.withTotal = withTotal;
    }

    boolean filtered() {
        return !filterKey.isEmpty();
    }

    static <R> Builder<R> from(Map<String, Object> params) {
        return new Builder<>(params);
    }

    static final class Builder<R> {
        private final Map<String, Object> params;
        private final StringBuilder key = new StringBuilder();
        private Predicate<R> filter = r -> true;

        private Builder(Map<String, Object> params) {
            this.params = params;
        }

        /** A one-letter status filter; an unknown letter simply matches nothing, as a SQL filter would. */
        Builder<R> letter(String param, ToIntFunction<R> getter) {
            Object v = params.get(param);
            if (v != null) {
                String s = FieldValues.asString(param, v);
                int c = s.length() == 1 ? s.charAt(0) : -1;
                add(param, s, r -> getter.applyAsInt(r) == c);
            }
            return this;
        }

        Builder<R> number(String param, ToLongFunction<R> getter) {
            Object v = params.get(param);
            if (v != null) {
                long n = FieldValues.asLong(param, v);
                add(param, Long.toString(n), r -> getter.applyAsLong(r) == n);
            }
            return this;
        }

        Builder<R> like(String param, Function<R, String> getter) {
            Object v = params.get(param);
            if (v != null) {
                String s = FieldValues.asString(param, v);
                LikePattern p = LikePattern.compile(s);
                add(param, s, r -> p.matches(getter.apply(r)));
            }
            return this;
        }

        /** A switch such as {@code get_not_closed_accounts: 1}. */
        Builder<R> when(String param, Predicate<R> predicate) {
            if (FieldValues.flag(params, param)) {
                add(param, "1", predicate);
            }
            return this;
        }

        ListQuery<R> build() {
            int offset = FieldValues.optInt(params, "offset", 0);
            int limit = FieldValues.optInt(params, "limit", 0);
            if (offset < 0) {
                throw new InvalidFieldException("offset", "Field 'offset' must not be negative, got " + offset);
            }
            if (limit < 0) {
                throw new InvalidFieldException("limit", "Field 'limit' must not be negative, got " + limit);
            }
            return new ListQuery<>(key.toString(), filter, offset, limit, FieldValues.flag(params, "get_total"));
        }

        private void add(String param, String value, Predicate<R> p) {
            key.append(param).append('=').append(value.length()).append(':').append(value).append(';');
            filter = filter.and(p);
        }
    }
}
