package io.github.camelportabilling.simulator;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;

/** An account, shaped like the {@code account_info} / {@code account_list} answers of real servers ({@link #SCHEMA}). */
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

    private static final Field CUSTOMER_NAME = Field.of("customer_name");
    private static final Field CUSTOMER_BILL_STATUS = Field.of("customer_bill_status");
    private static final Field CUSTOMER_BLOCKED = Field.of("customer_blocked");
    private static final Field CUSTOMER_BILL_SUSPENDED = Field.of("customer_bill_suspended");
    private static final Field CUST_BILL_SUSPENSION_DELAYED = Field.of("cust_bill_suspension_delayed");
    private static final Field IS_ACTIVE = Field.of("is_active");
    private static final Field ISSUE_DATE = Field.of("issue_date");
    private static final Field I_SUBSCRIBER = Field.of("i_subscriber");
    private static final Field PRODUCT_NAME = Field.of("product_name");
    private static final Field PRODUCT_VISIBLE_NAME = Field.of("product_visible_name");

    /**
     * The 60 fields of the recorded {@code account_info} answer (shared/reference/recorded-records.md) with their
     * JSON types, plus {@code login}, {@code email}, {@code firstname} and {@code lastname}, which public add_account
     * calls send and other fixtures show. Defaults of stored fields are the recorded "empty" values ({@code ""},
     * {@code []}, 0, null); values the simulator has no model for are fixed placeholders (see the README).
     */
    static final RecordSchema SCHEMA = new RecordSchema()
            .typed("i_account", FieldType.INTEGER)
            .typed("id", FieldType.TEXT)
            .typed("i_customer", FieldType.INTEGER)
            .typed("i_product", FieldType.INTEGER)
            .typed("billing_model", FieldType.INTEGER)
            .typed("bill_status", FieldType.LETTER)
            .typed("blocked", FieldType.YES_NO)
            .typed("balance", FieldType.NUMBER)
            .typed("credit_limit", FieldType.NUMBER)
            .typed("iso_4217", FieldType.TEXT)
            .typed("i_account_role", FieldType.INTEGER)
            .typed("activation_date", FieldType.DATE)
            .derived("customer_name", FieldType.TEXT)
            .derived("customer_bill_status", FieldType.LETTER)
            .derived("customer_blocked", FieldType.YES_NO)
            .derived("customer_bill_suspended", FieldType.INTEGER)
            .derived("cust_bill_suspension_delayed", FieldType.INTEGER)
            .derived("is_active", FieldType.INTEGER)
            .derived("issue_date", FieldType.DATE)
            .derived("i_subscriber", FieldType.INTEGER)
            .derived("product_name", FieldType.TEXT)
            .derived("product_visible_name", FieldType.TEXT)
            .stored("address_line_2", FieldType.TEXT, "")
            .stored("assigned_addons", FieldType.ARRAY, List.of())
            .stored("bcc", FieldType.TEXT, "")
            .stored("companyname", FieldType.TEXT, "")
            .stored("cont1", FieldType.TEXT, "")
            .stored("cont2", FieldType.TEXT, "")
            .stored("ecommerce_enabled", FieldType.YES_NO, "N")
            .stored("expiration_date", FieldType.UNKNOWN, null)
            .stored("faxnum", FieldType.TEXT, "")
            .stored("first_usage", FieldType.DATE, null)
            .stored("first_usage_time", FieldType.DATE_TIME, null)
            .stored("h323_password", FieldType.TEXT, "")
            .stored("has_custom_fields", FieldType.INTEGER, 0)
            .stored("i_account_balance_control_type", FieldType.INTEGER, 1)
            .stored("i_acl", FieldType.INTEGER, 1)
            .stored("i_lang", FieldType.TEXT, "en")
            .stored("i_role", FieldType.INTEGER, 1)
            .stored("i_time_zone", FieldType.INTEGER, 1)
            .stored("idle_days", FieldType.INTEGER, 0)
            .stored("in_date_format", FieldType.TEXT, "YYYY-MM-DD")
            .stored("in_time_format", FieldType.TEXT, "HH24:MI:SS")
            .stored("inactivity_expire_time", FieldType.UNKNOWN, null)
            .stored("included_services", FieldType.ARRAY, List.of())
            .stored("iso_639_1", FieldType.TEXT, "en")
            .stored("last_usage", FieldType.DATE_TIME, null)
            .stored("life_time", FieldType.UNKNOWN, null)
            .stored("midinit", FieldType.TEXT, "")
            .stored("note", FieldType.TEXT, "")
            .stored("opening_balance", FieldType.NUMBER, 0)
            .stored("out_date_format", FieldType.TEXT, "YYYY-MM-DD")
            .stored("out_date_time_format", FieldType.TEXT, "YYYY-MM-DD HH24:MI:SS")
            .stored("out_time_format", FieldType.TEXT, "HH24:MI:SS")
            .stored("phone1", FieldType.TEXT, "")
            .stored("phone2", FieldType.TEXT, "")
            .stored("salutation", FieldType.TEXT, "")
            .stored("service_features", FieldType.ARRAY, List.of())
            .stored("service_flags", FieldType.TEXT, "")
            .stored("time_zone_name", FieldType.TEXT, "UTC")
            .stored("login", FieldType.TEXT, null)
            .stored("email", FieldType.TEXT, null)
            .stored("firstname", FieldType.TEXT, null)
            .stored("lastname", FieldType.TEXT, null)
            .letters("bill_status", STATUSES);

    /** add_account's mandatory fields of {@code account_info}, in the order real calls list them. */
    static final List<String> MANDATORY = List.of("id", "billing_model", "i_product", "i_customer");

    private static final Field CUSTOMER_SUSPENSION_DELAYED = CustomerRecord.SCHEMA.storedField("bill_suspension_delayed");

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
    /** The customer store's lookup, one instance shared by all accounts: customer_* fields are read when written. */
    private final LongFunction<CustomerRecord> customers;

    private AccountRecord(Builder b) {
        super(SCHEMA.defaults(), b.extras);
        this.customers = b.customers;
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
        String activation = UtcTime.date(activationDate);
        s.field(ACTIVATION_DATE, activation);
        writeDerivedFields(s, activation);
    }

    private void writeDerivedFields(FieldSink s, String activation) throws IOException {
        CustomerRecord customer = customers == null ? null : customers.apply(iCustomer);
        s.field(CUSTOMER_NAME, customer == null ? null : customer.name);
        s.field(CUSTOMER_BILL_STATUS, customer == null ? null : Letters.of(customer.billStatus));
        s.field(CUSTOMER_BLOCKED, customer == null ? null : customer.blocked ? "Y" : "N");
        s.number(CUSTOMER_BILL_SUSPENDED, customer != null && customer.billStatus == 'S' ? 1 : 0);
        Object delayed = customer == null ? null : customer.stored(CUSTOMER_SUSPENSION_DELAYED);
        s.field(CUST_BILL_SUSPENSION_DELAYED, delayed == null ? 0 : delayed);
        s.number(IS_ACTIVE, billStatus == 'O' ? 1 : 0);
        s.field(ISSUE_DATE, activation);
        s.number(I_SUBSCRIBER, iAccount);
        String product = "Product " + iProduct;
        s.field(PRODUCT_NAME, product);
        s.field(PRODUCT_VISIBLE_NAME, product);
    }

    /** The account's customer as the store holds it now, or null. */
    CustomerRecord customer() {
        return customers == null ? null : customers.apply(iCustomer);
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
        b.customers = customers;
        return b;
    }

    /** @param customers the customer store's lookup (one shared instance), for the customer_* fields */
    static Builder create(long iAccount, long todayEpochDay, LongFunction<CustomerRecord> customers) {
        Builder b = new Builder(iAccount);
        b.activationDate = (int) todayEpochDay;
        b.customers = customers;
        return b;
    }

    /** add_account's {@link #MANDATORY} fields, each present and of its type. */
    static void requireMandatory(Map<String, Object> info) {
        SCHEMA.requirePresent(info, MANDATORY);
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
        private LongFunction<CustomerRecord> customers;

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
                        if (!SCHEMA.isDerived(f)) {
                            extras.put(f, SCHEMA.check(f, v));
                        }
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
