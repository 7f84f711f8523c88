package io.github.camelportabilling.simulator;

import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** A customer, typed like the {@code customer_info} fixtures of real servers. */
final class CustomerRecord extends StoredRecord {

    static final String STATUSES = "OSCED";

    private static final Field BALANCE = Field.of("balance");
    private static final Field BILL_STATUS = Field.of("bill_status");
    private static final Field BLOCKED = Field.of("blocked");
    private static final Field CREATION_DATE = Field.of("creation_date");
    private static final Field CREDIT_LIMIT = Field.of("credit_limit");
    private static final Field I_BALANCE_CONTROL_TYPE = Field.of("i_balance_control_type");
    private static final Field I_CUSTOMER = Field.of("i_customer");
    private static final Field I_CUSTOMER_TYPE = Field.of("i_customer_type");
    private static final Field ISO_4217 = Field.of("iso_4217");
    private static final Field NAME = Field.of("name");

    private static final Map<Field, Object> DEFAULTS;

    static {
        Map<Field, Object> d = new LinkedHashMap<>();
        d.put(Field.of("i_parent"), null);
        d.put(Field.of("billing_lock"), "N");
        d.put(Field.of("login"), null);
        d.put(Field.of("email"), null);
        d.put(Field.of("companyname"), null);
        d.put(Field.of("deactivate_on"), null);
        DEFAULTS = Collections.unmodifiableMap(d);
    }

    final long iCustomer;
    final String name;
    final String iso4217;
    final char billStatus;
    final boolean blocked;
    final double balance;
    final double creditLimit; // NaN = null
    final long creationDate; // epoch seconds
    final int iCustomerType;
    final int iBalanceControlType;

    private CustomerRecord(Builder b) {
        super(DEFAULTS, b.extras);
        this.iCustomer = b.iCustomer;
        this.name = b.name;
        this.iso4217 = b.iso4217;
        this.billStatus = b.billStatus;
        this.blocked = b.blocked;
        this.balance = b.balance;
        this.creditLimit = b.creditLimit;
        this.creationDate = b.creationDate;
        this.iCustomerType = b.iCustomerType;
        this.iBalanceControlType = b.iBalanceControlType;
    }

    @Override
    long key() {
        return iCustomer;
    }

    String billStatus() {
        return String.valueOf(billStatus);
    }

    @Override
    void writeTypedFields(FieldSink s) throws IOException {
        s.number(I_CUSTOMER, iCustomer);
        s.field(NAME, name);
        s.field(BILL_STATUS, Letters.of(billStatus));
        s.field(BLOCKED, blocked ? "Y" : "N");
        s.field(ISO_4217, iso4217);
        s.money(BALANCE, balance);
        s.money(CREDIT_LIMIT, creditLimit);
        s.field(CREATION_DATE, UtcTime.dateTime(creationDate));
        s.number(I_CUSTOMER_TYPE, iCustomerType);
        s.number(I_BALANCE_CONTROL_TYPE, iBalanceControlType);
    }

    Builder toBuilder() {
        Builder b = new Builder(iCustomer);
        b.name = name;
        b.iso4217 = iso4217;
        b.billStatus = billStatus;
        b.blocked = blocked;
        b.balance = balance;
        b.creditLimit = creditLimit;
        b.creationDate = creationDate;
        b.iCustomerType = iCustomerType;
        b.iBalanceControlType = iBalanceControlType;
        b.extras = extrasCopy();
        return b;
    }

    /** Starts a new customer with the defaults add_customer fills in. */
    static Builder create(long iCustomer, long nowSeconds) {
        Builder b = new Builder(iCustomer);
        b.creationDate = nowSeconds;
        return b;
    }

    /** Checks add_customer's mandatory fields, in the order a client would fix them. */
    static void requireMandatory(Map<String, Object> info) {
        FieldValues.requireString(info, "name");
        FieldValues.requireString(info, "iso_4217");
    }

    static final class Builder {
        private final long iCustomer;
        private String name;
        private String iso4217;
        private char billStatus = 'O';
        private boolean blocked;
        private double balance;
        private double creditLimit = Double.NaN;
        private long creationDate;
        private int iCustomerType = 1;
        private int iBalanceControlType = 1;
        private Map<String, Object> extras = new LinkedHashMap<>();

        private Builder(long iCustomer) {
            this.iCustomer = iCustomer;
        }

        Builder name(String value) {
            this.name = value;
            return this;
        }

        Builder currency(String value) {
            this.iso4217 = Currencies.intern(value);
            return this;
        }

        Builder billStatus(char value) {
            this.billStatus = value;
            return this;
        }

        Builder balance(double value) {
            this.balance = value;
            return this;
        }

        Builder blocked(boolean value) {
            this.blocked = value;
            return this;
        }

        /** Applies request fields: typed ones are checked and converted, the rest are kept as given. */
        Builder apply(Map<String, Object> fields) {
            for (Map.Entry<String, Object> e : fields.entrySet()) {
                String f = e.getKey();
                Object v = e.getValue();
                switch (f) {
                    case "i_customer":
                        break; // the key: never changed by an update
                    case "name":
                        name = nonEmpty(f, v);
                        break;
                    case "iso_4217":
                        iso4217 = Currencies.intern(nonEmpty(f, v));
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
                    case "creation_date":
                        if (v != null) {
                            creationDate = FieldValues.asDateTime(f, v);
                        }
                        break;
                    case "i_customer_type":
                        iCustomerType = v == null ? 1 : FieldValues.asInt(f, v);
                        break;
                    case "i_balance_control_type":
                        iBalanceControlType = v == null ? 1 : FieldValues.asInt(f, v);
                        break;
                    default:
                        extras.put(f, v);
                }
            }
            return this;
        }

        CustomerRecord build() {
            return new CustomerRecord(this);
        }

        private static String nonEmpty(String field, Object v) {
            String s = v == null ? null : FieldValues.asString(field, v);
            if (s == null || s.isEmpty()) {
                throw new InvalidFieldException(field, "Field '" + field + "' must not be empty");
            }
            return s;
        }
    }
}
