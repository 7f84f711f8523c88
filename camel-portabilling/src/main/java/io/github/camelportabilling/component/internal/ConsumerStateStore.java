package io.github.camelportabilling.component.internal;

import java.util.Map;
import java.util.TreeMap;

import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.service.ServiceHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where a consumer keeps its {@link ConsumerState}: the state repository entry under the consumer's key, and the
 * entry of the key version 0.1.0 used (without the server), which is taken over once and then marked
 * {@value #MIGRATED}{@code <new key>} so that a consumer of the same list on another server does not take it too.
 */
public final class ConsumerStateStore {

    private static final Logger LOG = LoggerFactory.getLogger(ConsumerStateStore.class);

    /** The value a former key is left with once its state was taken over. */
    public static final String MIGRATED = "migrated:";

    private final StateRepository<String, String> repository;
    private final String key;
    private final String formerKey;
    private final Object owner;

    /**
     * @param repository null when the consumer keeps its position in memory only
     * @param formerKey  the 0.1.0 key to read once, or null (an explicit stateKey has no former key)
     * @param owner      names the consumer in log lines
     */
    public ConsumerStateStore(StateRepository<String, String> repository, String key, String formerKey, Object owner) {
        this.repository = repository;
        this.key = key;
        this.formerKey = formerKey != null && !formerKey.equals(key) ? formerKey : null;
        this.owner = owner;
    }

    public String key() {
        return key;
    }

    /** The saved state (a fresh one when there is none), taking over the former key's state once. */
    public ConsumerState load(boolean incremental) {
        if (repository == null) {
            return ConsumerState.parse(null, incremental);
        }
        ServiceHelper.startService(repository);
        String value = repository.getState(key);
        if (value == null && formerKey != null) {
            String former = repository.getState(formerKey);
            if (former != null && !former.startsWith(MIGRATED)) {
                value = former;
                repository.setState(formerKey, MIGRATED + key);
                LOG.info("{}: state of the former key '{}' ({}) taken over under '{}'", owner, formerKey, former, key);
            }
        }
        ConsumerState state = ConsumerState.parse(value, incremental);
        if (state.migrated()) {
            Long watermark = state.newRecords() != null ? state.newRecords().watermark() : null;
            LOG.info("{}: position saved in the first format ({}): the walk starts over{}", owner, value,
                    watermark != null ? ", delivering only records above id " + watermark : "");
            save(state.cursor(), state.newRecords());
        }
        return state;
    }

    public void save(ListPager.Cursor cursor, NewRecords newRecords) {
        if (repository != null) {
            repository.setState(key, ConsumerState.format(cursor, newRecords));
        }
    }

    /**
     * The default key: the same endpoint options on the same server give the same key, so a restarted route finds its
     * state again, and two servers (or realms, or logins) never share one.
     */
    public static String keyOf(String service, String recordType, String method, Object mode, Map<String, Object> filter,
                               String baseUrl, Object realm, String login) {
        return clean(formerKeyOf(service, recordType, method, mode, filter) + "|server:" + baseUrl + "|realm:" + realm
                     + "|login:" + login);
    }

    /** The key of version 0.1.0, without the server. */
    public static String formerKeyOf(String service, String recordType, String method, Object mode,
                                     Map<String, Object> filter) {
        StringBuilder key = new StringBuilder("portabilling:").append(service).append('/').append(recordType).append('|')
                .append(method).append('|').append(mode);
        new TreeMap<>(filter).forEach((k, v) -> key.append('|').append(k).append(':').append(v));
        return clean(key.toString());
    }

    /** The file state repository stores key=value lines. */
    private static String clean(String key) {
        return key.replace('=', ':').replace('\n', ' ');
    }
}
