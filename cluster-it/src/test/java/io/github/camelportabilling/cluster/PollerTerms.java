package io.github.camelportabilling.cluster;

import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelportabilling.simulator.RecordedRequest;

/**
 * Who polled the list when, from the simulator's request log: the list calls in the order they arrived, each by the
 * login in its bearer token (every replica logs in with a login of its own), folded into terms: a run of calls by one
 * login with no call of another login in between. One poller at a time means each replica's calls form one term.
 */
final class PollerTerms {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A run of list calls by one login, as the simulator received them (its own nanoTime clock). */
    record Term(String login, int calls, long firstNanos, long lastNanos, Object firstOffset, Object lastOffset) {
    }

    private PollerTerms() {
    }

    static List<Term> of(List<RecordedRequest> requests, String serviceMethod) {
        List<RecordedRequest> calls = new ArrayList<>();
        for (RecordedRequest r : requests) {
            if (serviceMethod.equals(r.serviceMethod()) && r.bearerToken() != null) {
                calls.add(r);
            }
        }
        calls.sort(Comparator.comparingLong(RecordedRequest::receivedNanos));
        List<Term> terms = new ArrayList<>();
        String login = null;
        int count = 0;
        RecordedRequest first = null;
        RecordedRequest last = null;
        for (RecordedRequest r : calls) {
            String by = loginOf(r.bearerToken());
            if (!by.equals(login)) {
                if (login != null) {
                    terms.add(term(login, count, first, last));
                }
                login = by;
                count = 0;
                first = r;
            }
            count++;
            last = r;
        }
        if (login != null) {
            terms.add(term(login, count, first, last));
        }
        return terms;
    }

    /** The most terms whose spans (first to last call) overlap at one instant: 1 when pollers never overlapped. */
    static int mostPollersAtOnce(List<Term> terms) {
        int most = 0;
        for (Term t : terms) {
            int atOnce = 0;
            for (Term u : terms) {
                if (u.firstNanos() <= t.firstNanos() && t.firstNanos() <= u.lastNanos()) {
                    atOnce++;
                }
            }
            most = Math.max(most, atOnce);
        }
        return most;
    }

    private static Term term(String login, int calls, RecordedRequest first, RecordedRequest last) {
        return new Term(login, calls, first.receivedNanos(), last.receivedNanos(), first.params().get("offset"),
                last.params().get("offset"));
    }

    /** The simulator's access tokens are JWTs whose payload names the login. */
    static String loginOf(String token) {
        String[] parts = token.split("\\.");
        try {
            Map<?, ?> claims = JSON.readValue(Base64.getUrlDecoder().decode(parts[1]), Map.class);
            return String.valueOf(claims.get("login"));
        } catch (Exception e) {
            throw new IllegalStateException("not a JWT of the simulator: " + e.getMessage(), e);
        }
    }
}
