package io.github.camelportabilling.example;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Fills in the product an account file leaves out ({@code example.account.default-product}): product ids differ
 * from one PortaBilling installation to the next, so the files need not know them.
 */
public class AccountDefaults {

    private final long defaultProduct;

    public AccountDefaults(long defaultProduct) {
        this.defaultProduct = defaultProduct;
    }

    public Map<String, Object> apply(Map<String, Object> account) {
        if (account.get("i_product") != null) {
            return account;
        }
        Map<String, Object> withProduct = new LinkedHashMap<>(account);
        withProduct.put("i_product", defaultProduct);
        return withProduct;
    }
}
