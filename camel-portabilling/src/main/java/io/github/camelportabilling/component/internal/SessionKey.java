package io.github.camelportabilling.component.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import io.github.camelportabilling.component.PortaBillingConfiguration;

/**
 * The identity of a session: server, realm, login and a hash of the credential (never the credential itself), so that
 * an endpoint configured with a wrong password cannot ride on another endpoint's good login.
 */
public final class SessionKey {

    private SessionKey() {
    }

    public static String of(PortaBillingConfiguration c) {
        String credential = ConnectionSettingsCheck.hasText(c.getToken()) ? "token:" + c.getToken()
                : "password:" + c.getPassword();
        return (c.isUseHttps() ? "https" : "http") + "://" + ConnectionSettingsCheck.urlHost(c.getHost()) + ":"
               + c.effectivePort() + "|" + c.getRealm() + "|" + c.getLogin() + "|" + sha256(credential) + "|"
               + (c.isLegacyAuth() ? "legacy" : "json");
    }

    private static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
