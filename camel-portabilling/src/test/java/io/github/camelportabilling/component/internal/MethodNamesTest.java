package io.github.camelportabilling.component.internal;

import io.github.camelportabilling.component.PortaBillingOperation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MethodNamesTest {

    @ParameterizedTest
    @CsvSource({
            "create, account, add_account",
            "get, account, get_account_info",
            "list, account, get_account_list",
            "update, account, update_account",
            "delete, customer, delete_customer",
            "terminate, customer, terminate_customer",
            "create, alias, add_alias",
            "list, customer, get_customer_list" })
    void operationsFollowTheApiNamingConvention(PortaBillingOperation op, String rec, String method) {
        assertThat(MethodNames.methodFor(op, rec)).isEqualTo(method);
    }

    @Test
    void everyConventionalMethodOfAccountAndCustomerIsAKnownMethod() {
        KnownMethods known = KnownMethods.get();
        for (PortaBillingOperation op : PortaBillingOperation.values()) {
            if (op == PortaBillingOperation.call || op == PortaBillingOperation.delete) {
                continue;
            }
            assertThat(known.isKnown("Account", MethodNames.methodFor(op, "account"))).as(op.name()).isTrue();
            assertThat(known.isKnown("Customer", MethodNames.methodFor(op, "customer"))).as(op.name()).isTrue();
        }
        assertThat(known.isKnown("Customer", "delete_customer")).isTrue();
    }

    @Test
    void callHasNoConventionalMethod() {
        assertThatThrownBy(() -> MethodNames.methodFor(PortaBillingOperation.call, "account"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("method option");
    }

    @Test
    void keysFollowTheConvention() {
        assertThat(MethodNames.infoKey("account")).isEqualTo("account_info");
        assertThat(MethodNames.listKey("customer")).isEqualTo("customer_list");
        assertThat(MethodNames.idKey("customer")).isEqualTo("i_customer");
    }

    @Test
    void readsAreRecognisedByName() {
        assertThat(MethodNames.isRead("get_account_info")).isTrue();
        assertThat(MethodNames.isRead("get_customer_list")).isTrue();
        assertThat(MethodNames.isRead("ping")).isTrue();
        assertThat(MethodNames.isRead("add_account")).isFalse();
        assertThat(MethodNames.isRead("update_customer")).isFalse();
        assertThat(MethodNames.isRead("terminate_account")).isFalse();
    }

    @Test
    void namesThatCouldChangeTheUrlPathAreRefused() {
        assertThatThrownBy(() -> MethodNames.requireValidName("method", "../admin"))
                .hasMessageContaining("Invalid PortaBilling method '../admin'");
        assertThatThrownBy(() -> MethodNames.requireValidName("service", "Account/x"))
                .hasMessageContaining("service");
        assertThat(MethodNames.requireValidName("method", "get_account_info")).isEqualTo("get_account_info");
    }

    @Test
    void unknownMethodsGetDidYouMeanSuggestions() {
        KnownMethods known = KnownMethods.get();
        assertThat(known.isKnown("Account", "get_acount_info")).isFalse();
        assertThat(known.suggestionsFor("Account", "get_acount_info")).first().isEqualTo("Account/get_account_info");
        assertThat(known.size()).isGreaterThan(800);
    }
}
