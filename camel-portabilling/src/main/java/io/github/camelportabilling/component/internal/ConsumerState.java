package io.github.camelportabilling.component.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * The consumer's position as one state repository value (one line, no {@code =} needed):
 * {@code v2;off:<n>;walked:<ids>;ahead:<ids>;total:<n>;cap:<n>;calls:<n>;misses:<n>;drift:<n>;recount:<0|1>} followed, in incremental mode, by
 * the {@link NewRecords} fields. The first format, {@code offset:<n>,lastId:<id>} (a position in ascending id order,
 * which no server promises), is read too: its lastId becomes the watermark and the walk starts over.
 */
public record ConsumerState(ListPager.Cursor cursor, NewRecords newRecords, boolean migrated) {

    private static final String VERSION = "v2";

    public static String format(ListPager.Cursor c, NewRecords newRecords) {
        StringBuilder s = new StringBuilder(VERSION).append(";off:").append(c.offset())
                .append(";walked:").append(ids(c.walked())).append(";ahead:").append(ids(c.ahead()))
                .append(";total:").append(c.total() != null ? c.total() : "")
                .append(";cap:").append(c.cap()).append(";calls:").append(c.calls()).append(";misses:").append(c.misses())
                .append(";drift:").append(c.drift()).append(";recount:").append(c.recount() ? 1 : 0);
        if (newRecords != null) {
            s.append(';').append(newRecords.format());
        }
        return s.toString();
    }

    /**
     * @param incremental whether new-record state is wanted (else it is ignored)
     * @throws IllegalArgumentException naming what could not be read
     */
    public static ConsumerState parse(String value, boolean incremental) {
        if (value == null || value.isBlank()) {
            return new ConsumerState(ListPager.Cursor.START, incremental ? new NewRecords() : null, false);
        }
        try {
            if (!value.startsWith(VERSION + ";")) {
                return parseFirstFormat(value, incremental);
            }
            int offset = 0;
            List<Long> walked = List.of();
            List<Long> ahead = List.of();
            Long total = null;
            int cap = 0;
            int calls = 0;
            int misses = 0;
            int drift = 0;
            boolean recount = false;
            for (String field : value.split(";")) {
                int colon = field.indexOf(':');
                if (colon < 0) {
                    continue;
                }
                String v = field.substring(colon + 1).strip();
                switch (field.substring(0, colon).strip()) {
                    case "off" -> offset = Integer.parseInt(v);
                    case "walked" -> walked = parseIds(v);
                    case "ahead" -> ahead = parseIds(v);
                    case "total" -> total = v.isEmpty() ? null : Long.valueOf(v);
                    case "cap" -> cap = Integer.parseInt(v);
                    case "calls" -> calls = Integer.parseInt(v);
                    case "misses" -> misses = Integer.parseInt(v);
                    case "drift" -> drift = Integer.parseInt(v);
                    case "recount" -> recount = v.equals("1");
                    default -> {
                        // new-record fields, read below
                    }
                }
            }
            ListPager.Cursor cursor = new ListPager.Cursor(offset, walked, ahead, total, cap, calls, misses, drift, recount);
            return new ConsumerState(cursor, incremental ? NewRecords.parse(value) : null, false);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("cannot read the consumer state '" + value + "': " + e.getMessage(), e);
        }
    }

    /** {@code offset:<n>,lastId:<id>}: the offset meant something only in id order, so the walk starts over. */
    private static ConsumerState parseFirstFormat(String value, boolean incremental) {
        Long lastId = null;
        for (String part : value.split(",")) {
            String[] kv = part.split(":", 2);
            if (kv.length == 2 && kv[0].strip().equals("lastId") && !kv[1].isBlank()) {
                lastId = Long.parseLong(kv[1].strip());
            } else if (kv.length == 2 && kv[0].strip().equals("offset") && !kv[1].isBlank()) {
                Integer.parseInt(kv[1].strip());
            } else if (!part.isBlank()) {
                throw new IllegalArgumentException("unknown field '" + part + "'");
            }
        }
        return new ConsumerState(ListPager.Cursor.START, incremental ? NewRecords.fromWatermark(lastId) : null, true);
    }

    private static String ids(List<Long> ids) {
        StringBuilder s = new StringBuilder();
        for (Long id : ids) {
            if (s.length() > 0) {
                s.append(',');
            }
            s.append(id);
        }
        return s.toString();
    }

    private static List<Long> parseIds(String text) {
        List<Long> ids = new ArrayList<>();
        for (String id : text.split(",")) {
            if (!id.isBlank()) {
                ids.add(Long.valueOf(id.strip()));
            }
        }
        return ids;
    }
}
