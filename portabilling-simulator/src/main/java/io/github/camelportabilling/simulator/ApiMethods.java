package io.github.camelportabilling.simulator;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The request and the answer of every method the simulator serves, in one table: {@link ApiDispatcher} checks each
 * call's params against it (required params, their types, the mandatory fields of a record), and
 * {@link ApiDescriptionDocument} writes the API description from it, so what the document says and what the
 * simulator refuses cannot drift apart. Record fields come from {@link AccountRecord#SCHEMA} and
 * {@link CustomerRecord#SCHEMA}, whose types the records' builders check.
 */
final class ApiMethods {

    /** A record type as the API names it: {@code account} → AccountInfo, account_info, account_list. */
    record RecordType(String name, String schemaName, RecordSchema schema) {
    }

    static final RecordType ACCOUNT = new RecordType("account", "AccountInfo", AccountRecord.SCHEMA);
    static final RecordType CUSTOMER = new RecordType("customer", "CustomerInfo", CustomerRecord.SCHEMA);

    /**
     * One top-level param: a scalar of {@code type}, or (with {@code record}) a record object whose
     * {@code recordRequired} fields must be present, as the method's stores check them.
     */
    record Param(String name, FieldType type, boolean required, String letters, RecordType record,
                 List<String> recordRequired, String description) {
    }

    /** What the 200 answer holds: scalar fields, a record object or a list of records under a key. */
    record Answer(String key, FieldType type, RecordType record, boolean list, String description) {
    }

    /** One method: {@code Service/method}, its params and what it answers. */
    static final class Method {
        final String serviceMethod;
        final String summary;
        final List<Param> params = new ArrayList<>();
        final List<Answer> answers = new ArrayList<>();
        /** A schema name of the LoginRequest/LoginResponse kind, shared by methods; null: named after the method. */
        String requestName;
        String answerName;

        private Method(String serviceMethod, String summary) {
            this.serviceMethod = serviceMethod;
            this.summary = summary;
        }

        String service() {
            return serviceMethod.substring(0, serviceMethod.indexOf('/'));
        }

        String method() {
            return serviceMethod.substring(serviceMethod.indexOf('/') + 1);
        }

        Method param(String name, FieldType type) {
            params.add(new Param(name, type, false, null, null, List.of(), null));
            return this;
        }

        Method param(String name, FieldType type, String description) {
            params.add(new Param(name, type, false, null, null, List.of(), description));
            return this;
        }

        Method required(String name, FieldType type) {
            params.add(new Param(name, type, true, null, null, List.of(), null));
            return this;
        }

        Method letters(String name, String allowed) {
            params.add(new Param(name, FieldType.LETTER, false, allowed, null, List.of(), null));
            return this;
        }

        Method record(String name, RecordType record, List<String> recordRequired) {
            params.add(new Param(name, null, true, null, record, recordRequired, null));
            return this;
        }

        Method answers(String key, FieldType type) {
            answers.add(new Answer(key, type, null, false, null));
            return this;
        }

        Method answers(String key, FieldType type, String description) {
            answers.add(new Answer(key, type, null, false, description));
            return this;
        }

        Method answersRecord(String key, RecordType record, String description) {
            answers.add(new Answer(key, null, record, false, description));
            return this;
        }

        Method answersList(String key, RecordType record) {
            answers.add(new Answer(key, null, record, true, null));
            return this;
        }

        Method named(String request, String answer) {
            this.requestName = request;
            this.answerName = answer;
            return this;
        }

        /** Checks the params a call sent: required ones present, declared ones of their type. */
        void check(Map<String, Object> params) {
            for (Param p : this.params) {
                Object v = params.get(p.name());
                if (v == null || "".equals(v)) {
                    if (p.required()) {
                        throw new MissingFieldException(p.name());
                    }
                    continue;
                }
                if (p.record() != null) {
                    Map<String, Object> info = FieldValues.requireObject(params, p.name());
                    p.record().schema().requirePresent(info, p.recordRequired());
                } else if (p.letters() != null) {
                    FieldValues.asStatus(p.name(), v, p.letters());
                } else {
                    p.type().check(p.name(), v);
                }
            }
        }
    }

    private static final Map<String, Method> METHODS = new LinkedHashMap<>();

    static {
        String accessToken = "The access token of the session (older releases: session_id).";
        add("Session/login", "Sign in and obtain an access token").named("LoginRequest", "LoginResponse")
                // a login without login or password answers auth_failed, as real servers do: not required here
                .param("login", FieldType.TEXT).param("password", FieldType.TEXT)
                .param("token", FieldType.TEXT, "API token; use instead of password.")
                .answers("session_id", FieldType.TEXT).answers("access_token", FieldType.TEXT)
                .answers("refresh_token", FieldType.TEXT).answers("expires_at", FieldType.DATE_TIME)
                .answers("expires_in", FieldType.INTEGER, "Seconds until the access token expires.");
        add("Session/refresh_access_token", "Exchange a refresh token for a new access token")
                .named("RefreshAccessTokenRequest", "LoginResponse").param("refresh_token", FieldType.TEXT);
        add("Session/logout", "Close the session of the given access token")
                .param("access_token", FieldType.TEXT, accessToken).param("session_id", FieldType.TEXT)
                .answers("success", FieldType.SWITCH);
        add("Session/ping", "Check whether an access token is still valid")
                .param("access_token", FieldType.TEXT, accessToken).param("session_id", FieldType.TEXT)
                .answers("user_id", FieldType.INTEGER, "0 when the token is not valid.");
        add("Generic/get_version", "The release of the server").answers("version", FieldType.TEXT);
        // answers a file (audio/wav with Content-Disposition), not JSON: how real documents describe such an answer is
        // not known, so the document lists only its param
        add("CDR/get_call_recording", "The recording of a call, as a file").required("i_xdr", FieldType.INTEGER);

        add("Account/add_account", "Create an account")
                .record("account_info", ACCOUNT, AccountRecord.MANDATORY)
                .param("generate_web_password", FieldType.SWITCH, "1 generates a web password (accepted, no effect)")
                .answers("i_account", FieldType.INTEGER);
        add("Account/get_account_info", "Get one account (by i_account or id)")
                .param("i_account", FieldType.INTEGER).param("id", FieldType.TEXT)
                .param("with_customer_info", FieldType.SWITCH, "1 answers the account's customer as customer_info")
                .param("detailed_info", FieldType.SWITCH, "accepted, no effect")
                .param("without_service_features", FieldType.INTEGER, "1 omits service features (accepted, no effect)")
                .answersRecord("account_info", ACCOUNT, null)
                .answersRecord("customer_info", CUSTOMER, "Present with with_customer_info=1.");
        add("Account/get_account_list", "Get the list of accounts")
                .param("i_customer", FieldType.INTEGER).letters("bill_status", AccountRecord.STATUSES)
                .param("id", FieldType.TEXT, "Pattern; % is a wildcard.").param("billing_model", FieldType.INTEGER)
                .param("get_not_closed_accounts", FieldType.SWITCH).param("get_total", FieldType.SWITCH)
                .param("limit", FieldType.INTEGER).param("offset", FieldType.INTEGER)
                .answersList("account_list", ACCOUNT)
                .answers("total", FieldType.INTEGER, "Present when get_total is 1.");
        add("Account/update_account", "Change an account (only the fields given)")
                .record("account_info", ACCOUNT, List.of("i_account")).answers("i_account", FieldType.INTEGER);
        add("Account/terminate_account", "Close an account for good")
                .required("i_account", FieldType.INTEGER).param("release_assigned_did", FieldType.SWITCH)
                .answers("success", FieldType.SWITCH);
        // served with issue 11's handler; written into the document only where a handler is registered
        add("Account/get_subscriptions", "The subscriptions of an account (not paged)")
                .required("i_account", FieldType.INTEGER).answers("subscriptions", FieldType.ARRAY);

        add("Customer/add_customer", "Create a customer")
                .record("customer_info", CUSTOMER, CustomerRecord.MANDATORY).answers("i_customer", FieldType.INTEGER);
        add("Customer/get_customer_info", "Get one customer")
                .required("i_customer", FieldType.INTEGER).param("detailed_info", FieldType.SWITCH, "accepted, no effect")
                .answersRecord("customer_info", CUSTOMER, null);
        add("Customer/get_customer_list", "Get the list of customers")
                .param("name", FieldType.TEXT, "Pattern; % is a wildcard.").letters("bill_status", CustomerRecord.STATUSES)
                .param("i_customer_type", FieldType.INTEGER).param("get_total", FieldType.SWITCH)
                .param("limit", FieldType.INTEGER).param("offset", FieldType.INTEGER)
                .answersList("customer_list", CUSTOMER)
                .answers("total", FieldType.INTEGER, "Present when get_total is 1.");
        add("Customer/update_customer", "Change a customer (only the fields given)")
                .record("customer_info", CUSTOMER, List.of("i_customer")).answers("i_customer", FieldType.INTEGER);
        add("Customer/terminate_customer", "Close a customer for good")
                .required("i_customer", FieldType.INTEGER).answers("success", FieldType.SWITCH);
        add("Customer/delete_customer", "Remove a customer")
                .required("i_customer", FieldType.INTEGER).answers("success", FieldType.SWITCH);
    }

    private ApiMethods() {
    }

    private static Method add(String serviceMethod, String summary) {
        Method m = new Method(serviceMethod, summary);
        METHODS.put(serviceMethod, m);
        return m;
    }

    /** The method's entry, or null for a method the table does not describe. */
    static Method get(String serviceMethod) {
        return METHODS.get(serviceMethod);
    }

    /** Every described method, in the order of the table. */
    static Map<String, Method> all() {
        return Collections.unmodifiableMap(METHODS);
    }
}
