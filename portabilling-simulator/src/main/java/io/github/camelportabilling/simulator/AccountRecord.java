package io.github.camelportabilling.simulator;

import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** An account, typed like the {@code account_info} / {@code account_list} fixtures of real servers. */
final class AccountRecord extends StoredRecord {

    static final String STATUSES = "OIC";

    private static final Field ACTIVATION_DATE = Field.of("activation_date");
    private static final Field BALANCE = Field.of("balance");
    private static final Field BILL_STATUS = Field.of("bill_status");
    private static final Field BILLING_MODEL = Field.of("billing_model");
    private static final Field BLOCKED = Field.of("blocked");
    private static final Field CREDIT_LIMIT = Field.of("credit_limit");
    private static final Field I_ACCOUNT = Field.of("i_account");
    private static final Field I_ACCOUNT_ROLE = Field.of("i_account_role");
    private static final Field I_CUSTOMER = Field.of("i_customer");
    private static final Field I_PRODUCT = Field.of("i_product");
    private static final Field ID = Field.of("id");
    private static final Field ISO_4217 = Field.of("iso_4217");

    private static final Map<Field, Object> DEFAULTS;

    static {
        Map<Field, Object> d = new LinkedHashMap<>();
        d.put(Field.of("expiration_date"), null);
        d.put(Field.of("first_usage_time"), null);
        d.put(Field.of("login"), null);
        d.put(Field.of("email"), null);
        d.put(Field.of("firstname"), null);
        d.put(Field.of("lastname"), null);
        DEFAULTS = Collections.unmodifiableMap(d);
    }

    final long iAccount;
    final String id;
    final long iCustomer;
    final int iProduct;
    final byte billingModel;
    final char billStatus;
    final boolean blocked;
    final double balance;
    final double creditLimit; // NaN = null
    final String iso4217;
    final int iAccountRole;
    final int activationDate; // epoch day

    private AccountRecord(Builder b) {
        super(DEFAULTS, b.extras);
        this.iAccount = b.iAccount;
        this.id = b.id;
        this.iCustomer = b.iCustomer;
        this.iProduct = b.iProduct;
        this.billingModel = b.billingModel;
        this.billStatus = b.billStatus;
        this.blocked = b.blocked;
        this.balance = b.balance;
        this.creditLimit = b.creditLimit;
        this.iso4217 = b.iso4217;
        this.iAccountRole = b.iAccountRole;
        this.activationDate = b.activationDate;
    }

    @Override
    long key() {
        return iAccount;
    }

    @Override
    void writeTypedFields(FieldSink s) throws IOException {
        s.number(I_ACCOUNT, iAccount);
        s.field(ID, id);
        s.number(I_CUSTOMER, iCustomer);
        s.number(I_PRODUCT, iProduct);
        s.number(BILLING_MODEL, billingModel);
        s.field(BILL_STATUS, Letters.of(billStatus));
        s.field(BLOCKED, blocked ? "Y" : "N");
        s.money(BALANCE, balance);
        s.money(CREDIT_LIMIT, creditLimit);
        s.field(ISO_4217, iso4217);
        s.number(I_ACCOUNT_ROLE, iAccountRole);
        s.field(ACTIVATION_DATE, UtcTime.date(activationDate));
    }

    Builder toBuilder() {
        Builder b = new Builder(iAccount);
        b.id = id;
        b.iCustomer = iCustomer;
        b.iProduct = iProduct;
        b.billingModel = billingModel;
        b.billStatus = billStatus;
        b.blocked = blocked;
        b.balance = balance;
        b.creditLimit = creditLimit;
        b.iso4217 = iso4217;
        b.iAccountRole = iAccountRole;
        b.activationDate = activationDate;
        b.extras = extrasCopy();
        return b;
    }

    static Builder create(long iAccount, long todayEpochDay) {
        Builder b = new Builder(iAccount);
        b.activationDate = (int) todayEpochDay;
        return b;
    }

    /** add_account's mandatory fields, in the order real calls list them. */
    static void requireMandatory(Map<String, Object> info) {
        FieldValues.requireString(info, "id");
        FieldValues.requireLong(info, "billing_model");
        FieldValues.requireLong(info, "i_product");
        FieldValues.requireLong(info, "i_customer");
    }

    static final class Builder {
        private final long iAccount;
        private String id;
        private long iCustomer;
        private int iProduct;
        private byte billingModel = 1;
        private char billStatus = 'O';
        private boolean blocked;
        private double balance;
        private double creditLimit = Double.NaN;
        private String iso4217;
        private int iAccountRole = 1;
        private int activationDate;
        private Map<String, Object> extras = new LinkedHashMap<>();

        private Builder(long iAccount) {
            this.iAccount = iAccount;
        }

        String id() {
            return id;
        }

        long iCustomer() {
            return iCustomer;
        }

        String currency() {
            return iso4217;
        }

        Builder id(String value) {
            this.id = value;
            return this;
        }

        Builder customer(long value) {
            this.iCustomer = value;
            return this;
        }

        Builder product(int value) {
            this.iProduct = value;
            return this;
        }

        Builder billingModel(int value) {
            this.billingModel = (byte) value;
            return this;
        }

        Builder billStatus(char value) {
            this.billStatus = value;
            return this;
        }

        Builder blocked(boolean value) {
            this.blocked = value;
            return this;
        }

        Builder balance(double value) {
            this.balance = value;
            return this;
        }

        Builder currency(String value) {
            this.iso4217 = Currencies.intern(value);
            return this;
        }

        Builder role(int value) {
            this.iAccountRole = value;
            return this;
        }

        Builder extra(String field, Object value) {
            extras.put(field, value);
            return this;
        }

        Builder apply(Map<String, Object> fields) {
            for (Map.Entry<String, Object> e : fields.entrySet()) {
                String f = e.getKey();
                Object v = e.getValue();
                switch (f) {
                    case "i_account":
                        break; // the key: never changed by an update
                    case "id":
                        id = v == null ? null : FieldValues.asString(f, v);
                        if (id == null || id.isEmpty()) {
                            throw new InvalidFieldException(f, "Field 'id' must not be empty");
                        }
                        break;
                    case "i_customer":
                        iCustomer = FieldValues.asLong(f, required(f, v));
                        break;
                    case "i_product":
                        iProduct = FieldValues.asInt(f, required(f, v));
                        break;
                    case "billing_model":
                        int model = FieldValues.asInt(f, required(f, v));
                        if (model < -1 || model > 4) {
                            throw new InvalidFieldException(f, "Field 'billing_model' must be one of -1, 0, 1, 2, 3, 4, got " + model);
                        }
                        billingModel = (byte) model;
                        break;
                    case "bill_status":
                        billStatus = FieldValues.asStatus(f, v, STATUSES);
                        break;
                    case "blocked":
                        blocked = FieldValues.asYesNo(f, v);
                        break;
                    case "balance":
                        balance = v == null ? 0 : FieldValues.asDouble(f, v);
                        break;
                    case "credit_limit":
                        creditLimit = v == null ? Double.NaN : FieldValues.asDouble(f, v);
                        break;
                    case "iso_4217":
                        iso4217 = v == null ? null : Currencies.intern(FieldValues.asString(f, v));
                        break;
                    case "i_account_role":
                        iAccountRole = v == null ? 1 : FieldValues.asInt(f, v);
                        break;
                    case "activation_date":
                        activationDate = FieldValues.asDate(f, required(f, v));
                        break;
                    default:
                        extras.put(f, v);
                }
            }
            return this;
        }

        AccountRecord build() {
            return new AccountRecord(this);
        }

        private static Object required(String field, Object v) {
            if (v == null) {
                throw new InvalidFieldException(field, "Field '" + field + "' must not be null");
            }
            return v;
        }
    }
}
