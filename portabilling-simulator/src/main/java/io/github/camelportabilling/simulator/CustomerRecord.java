package io.github.camelportabilling.simulator;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A customer, shaped like the {@code customer_info} answers of real servers ({@link #SCHEMA}). */
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

    private static final Field BILLED_TO = Field.of("billed_to");
    private static final Field NEXT_BILLED_TO = Field.of("next_billed_to");

    /**
     * The 66 fields of the recorded {@code customer_info} answer (shared/reference/recorded-records.md) with their
     * JSON types, plus {@code i_parent}, {@code login}, {@code email} and {@code companyname} from other fixtures and
     * public calls, and two Y/N flags documented elsewhere that are checked when sent ({@code send_invoices},
     * {@code bp_charge_cc}). Values the simulator has no model for are fixed placeholders (see the README).
     */
    static final RecordSchema SCHEMA = new RecordSchema()
            .typed("i_customer", FieldType.INTEGER)
            .typed("name", FieldType.TEXT)
            .typed("bill_status", FieldType.LETTER)
            .typed("blocked", FieldType.YES_NO)
            .typed("iso_4217", FieldType.TEXT)
            .typed("balance", FieldType.NUMBER)
            .typed("credit_limit", FieldType.NUMBER)
            .typed("creation_date", FieldType.DATE_TIME)
            .typed("i_customer_type", FieldType.INTEGER)
            .typed("i_balance_control_type", FieldType.INTEGER)
            .derived("billed_to", FieldType.DATE_TIME)
            .derived("next_billed_to", FieldType.DATE_TIME)
            .stored("address_line_2", FieldType.TEXT, "")
            .stored("baddr1", FieldType.TEXT, "")
            .stored("balance_transfer_allowed", FieldType.YES_NO, "N")
            .stored("bill_suspension_delayed", FieldType.INTEGER, 0)
            .stored("billing_lock", FieldType.LETTER, "N")
            .stored("callshop_enabled", FieldType.YES_NO, "N")
            .stored("city", FieldType.TEXT, "")
            .stored("cont1", FieldType.TEXT, "")
            .stored("cont2", FieldType.TEXT, "")
            .stored("country", FieldType.TEXT, "")
            .stored("credit_exceed", FieldType.INTEGER, 0)
            .stored("deactivate_on", FieldType.UNKNOWN, null)
            .stored("estimate_taxes", FieldType.INTEGER, 0)
            .stored("faxnum", FieldType.TEXT, "")
            .stored("firstname", FieldType.TEXT, "")
            .stored("generate_invoice_earlier", FieldType.YES_NO, "N")
            .stored("has_custom_fields", FieldType.INTEGER, 0)
            .stored("i_acl", FieldType.INTEGER, 1)
            .stored("i_billing_period", FieldType.INTEGER, 4)
            .stored("i_commission_plan", FieldType.UNKNOWN, null)
            .stored("i_customer_class", FieldType.INTEGER, 1)
            .stored("i_lang", FieldType.TEXT, "en")
            .stored("i_office_type", FieldType.INTEGER, 1)
            .stored("i_role", FieldType.INTEGER, 1)
            .stored("i_template", FieldType.UNKNOWN, null)
            .stored("i_time_zone", FieldType.INTEGER, 1)
            .stored("i_ui_time_zone", FieldType.INTEGER, 1)
            .stored("in_date_format", FieldType.TEXT, "YYYY-MM-DD")
            .stored("in_time_format", FieldType.TEXT, "HH24:MI:SS")
            .stored("inclusive_taxation", FieldType.YES_NO, "N")
            .stored("invoice_generation_enabled", FieldType.INTEGER, 1)
            .stored("is_used", FieldType.INTEGER, 0)
            .stored("lastname", FieldType.TEXT, "")
            .stored("midinit", FieldType.TEXT, "")
            .stored("note", FieldType.TEXT, "")
            .stored("onetime_invoice_generation_enabled", FieldType.INTEGER, 0)
            .stored("opening_balance", FieldType.NUMBER, 0.0)
            .stored("ot_i_template", FieldType.UNKNOWN, null)
            .stored("out_date_format", FieldType.TEXT, "YYYY-MM-DD")
            .stored("out_date_time_format", FieldType.TEXT, "YYYY-MM-DD HH24:MI:SS")
            .stored("out_time_format", FieldType.TEXT, "HH24:MI:SS")
            .stored("override_tariffs_enabled", FieldType.YES_NO, "Y")
            .stored("perm_credit_limit", FieldType.NUMBER, 0)
            .stored("phone1", FieldType.TEXT, "")
            .stored("phone2", FieldType.TEXT, "")
            .stored("purge_after_months", FieldType.UNKNOWN, null)
            .stored("restore_on", FieldType.UNKNOWN, null)
            .stored("salutation", FieldType.TEXT, "")
            .stored("state", FieldType.TEXT, "")
            .stored("suspend_on_insuff_funds", FieldType.UNKNOWN, null)
            .stored("suspension_delay_date", FieldType.UNKNOWN, null)
            .stored("terminate_on", FieldType.UNKNOWN, null)
            .stored("unallocated_payments", FieldType.NUMBER, 0)
            .stored("zip", FieldType.TEXT, "")
            .stored("i_parent", FieldType.INTEGER, null)
            .stored("login", FieldType.TEXT, null)
            .stored("email", FieldType.TEXT, null)
            .stored("companyname", FieldType.TEXT, null)
            .accepted("send_invoices", FieldType.YES_NO)
            .accepted("bp_charge_cc", FieldType.YES_NO)
            .letters("bill_status", STATUSES)
            .letters("billing_lock", "NCL");

    /** add_customer's mandatory fields of {@code customer_info}, in the order a client would fix them. */
    static final List<String> MANDATORY = List.of("name", "iso_4217");

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
        super(SCHEMA.defaults(), b.extras);
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
        // the billing period: closed up to creation, the next closing a month later (placeholders, see the README)
        s.field(BILLED_TO, UtcTime.dateTime(creationDate));
        s.field(NEXT_BILLED_TO, UtcTime.dateTime(UtcTime.plusMonth(creationDate)));
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

    /** Checks add_customer's {@link #MANDATORY} fields, each present and of its type. */
    static void requireMandatory(Map<String, Object> info) {
        SCHEMA.requirePresent(info, MANDATORY);
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
                        if (!SCHEMA.isDerived(f)) {
                            extras.put(f, SCHEMA.check(f, v));
                        }
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
