package io.github.camelportabilling.simulator;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** The configured API users: a login with a password and/or API tokens, and the {@code i_user} that ping answers. */
final class Credentials {

    static final class User {
        final String login;
        final long iUser;
        String password;
        final Set<String> tokens = new LinkedHashSet<>();

        User(String login, long iUser) {
            this.login = login;
            this.iUser = iUser;
        }
    }

    private final Map<String, User> users = new LinkedHashMap<>();

    /** Only used while building; afterwards the map is read-only, so lookups need no lock. */
    void addPassword(String login, String password) {
        user(login).password = password;
    }

    void addToken(String login, String token) {
        user(login).tokens.add(token);
    }

    boolean isEmpty() {
        return users.isEmpty();
    }

    /** Passwords are case sensitive, as the real fault text says. */
    User byPassword(String login, String password) {
        User u = login == null ? null : users.get(login);
        return u != null && u.password != null && u.password.equals(password) ? u : null;
    }

    User byToken(String login, String token) {
        User u = login == null ? null : users.get(login);
        return u != null && token != null && u.tokens.contains(token) ? u : null;
    }

    Set<String> secrets() {
        Set<String> s = new LinkedHashSet<>();
        for (User u : users.values()) {
            if (u.password != null) {
                s.add(u.password);
            }
            s.addAll(u.tokens);
        }
        return s;
    }

    private User user(String login) {
        return users.computeIfAbsent(login, l -> new User(l, users.size() + 1L));
    }
}
