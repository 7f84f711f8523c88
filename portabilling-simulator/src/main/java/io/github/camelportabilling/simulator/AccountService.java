package io.github.camelportabilling.simulator;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The {@code Account} service over {@link AccountStore}. */
final class AccountService {

    private final AccountStore accounts;
    private final ListPaging paging;

    AccountService(AccountStore accounts, ListPaging paging) {
        this.accounts = accounts;
        this.paging = paging;
    }

    void register(ApiDispatcher d) {
        d.register("Account/add_account", r -> Map.of("i_account",
                accounts.add(FieldValues.requireObject(r.params, "account_info")).iAccount));
        d.register("Account/get_account_info", this::info);
        d.register("Account/get_account_list", this::list);
        d.register("Account/get_subscriptions", this::subscriptions);
        d.register("Account/update_account", r -> Map.of("i_account",
                accounts.update(FieldValues.requireObject(r.params, "account_info")).iAccount));
        d.register("Account/terminate_account", r -> {
            accounts.terminate(FieldValues.requireLong(r.params, "i_account"));
            return Map.of("success", 1);
        });
    }

    /**
     * By {@code i_account}, else by {@code id}; an unknown account answers 200 {}. With {@code with_customer_info}
     * the account's customer comes beside it as {@code customer_info}, first, as the recorded answer had it.
     */
    private Map<String, Object> info(ApiRequest r) {
        AccountRecord a;
        if (FieldValues.present(r.params, "i_account")) {
            a = accounts.get(FieldValues.requireLong(r.params, "i_account"));
        } else if (FieldValues.present(r.params, "id")) {
            a = accounts.getById(FieldValues.asString("id", r.params.get("id")));
        } else {
            throw new MissingFieldException("i_account");
        }
        if (a == null) {
            return Map.of();
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        if (FieldValues.flag(r.params, "with_customer_info")) {
            answer.put("customer_info", a.customer());
        }
        answer.put("account_info", a);
        return answer;
    }

    private Map<String, Object> list(ApiRequest r) {
        RecordStore.Page<AccountRecord> page = accounts.list(paging.apply(r.serviceMethod, r.params));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("account_list", page.records);
        if (page.total != null) {
            answer.put("total", page.total);
        }
        return answer;
    }

    /** A list method that is not paged on real servers: the whole list whatever {@code limit}/{@code offset} say. */
    private Map<String, Object> subscriptions(ApiRequest r) {
        long iAccount = FieldValues.requireLong(r.params, "i_account");
        List<Map<String, Object>> list = accounts.subscriptions(iAccount);
        if (list == null) {
            throw new RecordNotFoundException("Account", "account", "Account " + iAccount + " not found");
        }
        return Map.of("subscriptions", list);
    }
}
