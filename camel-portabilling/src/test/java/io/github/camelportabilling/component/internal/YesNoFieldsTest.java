package io.github.camelportabilling.component.internal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The shipped list of Y/N fields: what it holds, and the letter fields it must not hold. */
class YesNoFieldsTest {

    private final YesNoFields fields = YesNoFields.get();

    @Test
    void accountAndCustomerFlagsAreListed() {
        assertThat(fields.of("account")).containsExactlyInAnyOrder("blocked", "ecommerce_enabled", "customer_blocked");
        assertThat(fields.of("customer")).containsExactlyInAnyOrder("blocked", "balance_transfer_allowed",
                "callshop_enabled", "generate_invoice_earlier", "inclusive_taxation", "override_tariffs_enabled",
                "send_invoices", "bp_charge_cc");
        assertThat(fields.isYesNo("alias", "blocked")).isTrue();
    }

    @Test
    void letterFieldsThatAreNotYesNoAndIntegerFlagsAreNot() {
        for (String type : fields.recordTypes()) {
            assertThat(fields.of(type)).as(type).doesNotContain("bill_status", "billing_lock", "is_active",
                    "has_custom_fields", "customer_bill_suspended", "credit_exceed");
        }
        assertThat(fields.isYesNo("account", "is_active")).isFalse();
    }

    @Test
    void anUnknownRecordTypeHasNone() {
        assertThat(fields.of("subscription")).isEmpty();
        assertThat(fields.isYesNo("subscription", "blocked")).isFalse();
    }
}
