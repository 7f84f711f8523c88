package io.github.camelportabilling.simulator;

import java.util.LinkedHashMap;
import java.util.Map;

/** A few dozen customers and accounts with every status, for demos and the example app. Always the same data. */
final class DemoData {

    private static final String[] COMPANIES = {
        "Acme Telecom", "Blue Harbor Hotels", "Cobalt Logistics", "Delta Dental Group", "Evergreen Schools",
        "Falcon Freight", "Granite Bank", "Horizon Clinics", "Ion Energy", "Juniper Cafe", "Kestrel Air",
        "Lumen Media", "Maple Insurance", "Nimbus Cloud", "Orchid Spa", "Pioneer Farms", "Quartz Labs",
        "Redwood Realty", "Summit Sports", "Tidal Marine", "Umbra Security", "Vertex Motors", "Willow Books",
        "Xenon Games", "Yarrow Pharmacy", "Zephyr Travel", "Atlas Legal", "Beacon Retail", "Cedar Builders",
        "Dune Outfitters"
    };
    private static final String[] CUSTOMER_STATUSES = {"O", "O", "O", "O", "S", "O", "C", "O", "E", "D"};
    private static final String[] ACCOUNT_STATUSES = {"O", "O", "O", "I", "O", "C"};
    private static final String[] CURRENCIES = {"USD", "USD", "EUR", "GBP"};
    private static final String[] FIRST = {"Anna", "Ben", "Chloe", "David", "Elena", "Frank", "Grace", "Hugo"};
    private static final String[] LAST = {"Novak", "Smith", "Garcia", "Kowalski", "Rossi", "Dubois", "Silva", "Meyer"};
    private static final String[] PLANS = {"Unlimited Calls", "Roaming Pack", "Static IP", "Voicemail Plus"};

    private DemoData() {
    }

    static void load(CustomerStore customers, AccountStore accounts) {
        int account = 0;
        for (int i = 0; i < COMPANIES.length; i++) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("name", COMPANIES[i]);
            c.put("iso_4217", CURRENCIES[i % CURRENCIES.length]);
            c.put("bill_status", CUSTOMER_STATUSES[i % CUSTOMER_STATUSES.length]);
            c.put("balance", Math.round((i * 37.5 % 500 - 120) * 100) / 100.0);
            c.put("credit_limit", i % 3 == 0 ? null : 1000.0 * (1 + i % 4));
            c.put("creation_date", UtcTime.dateTime(CustomerStore.SEED_EPOCH + i * 86_400L * 9));
            c.put("email", "billing@" + COMPANIES[i].toLowerCase().replace(' ', '-') + ".example");
            c.put("companyname", COMPANIES[i] + " Ltd");
            c.put("callshop_enabled", i % 5 == 0 ? "Y" : "N");
            long iCustomer = customers.add(c).iCustomer;
            for (int j = 0; j < 1 + i % 3; j++, account++) {
                Map<String, Object> a = new LinkedHashMap<>();
                a.put("id", "3805" + Digits.pad(1_000_000 + account * 7919L, 8));
                a.put("billing_model", account % 4 == 3 ? -1 : 1);
                a.put("i_product", 1 + account % 3);
                a.put("i_customer", iCustomer);
                a.put("bill_status", ACCOUNT_STATUSES[account % ACCOUNT_STATUSES.length]);
                a.put("blocked", account % 7 == 5 ? "Y" : "N");
                a.put("balance", Math.round((account * 13.25 % 90) * 100) / 100.0);
                a.put("activation_date", UtcTime.date(CustomerStore.SEED_EPOCH / 86_400 + account * 3L));
                a.put("i_account_role", account % 5 == 0 ? 8 : 1);
                a.put("firstname", FIRST[account % FIRST.length]);
                a.put("lastname", LAST[(account / 2) % LAST.length]);
                a.put("email", FIRST[account % FIRST.length].toLowerCase() + "@example.com");
                a.put("ecommerce_enabled", account % 4 == 1 ? "Y" : "N");
                long iAccount = accounts.add(a).iAccount;
                // every third account has subscriptions, for Account/get_subscriptions (a list that is not paged)
                for (int k = 0; account % 3 == 0 && k < 1 + account % 4; k++) {
                    Map<String, Object> sub = new LinkedHashMap<>();
                    sub.put("i_subscription", 1 + (account + k) % PLANS.length);
                    sub.put("name", PLANS[(account + k) % PLANS.length]);
                    sub.put("start_date", UtcTime.date(CustomerStore.SEED_EPOCH / 86_400 + account * 3L + k));
                    accounts.addSubscription(iAccount, sub);
                }
            }
        }
    }
}
