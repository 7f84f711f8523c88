package io.github.camelportabilling.kamelets;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ListFilterTest {

    @Test
    void pairsSeparatedBySemicolonKeepTheirOrderAndALiteralPercent() {
        assertThat(new ListFilter("bill_status=O;name=Acme%")).containsExactly(
                Map.entry("bill_status", "O"), Map.entry("name", "Acme%"));
    }

    @Test
    void anAmpersandThatArrivesThroughRawSeparatesToo() {
        assertThat(new ListFilter("bill_status=O&name=Acme%")).containsExactly(
                Map.entry("bill_status", "O"), Map.entry("name", "Acme%"));
    }

    @Test
    void onlyTheFirstEqualsSplitsAndBlanksAreTrimmedAway() {
        assertThat(new ListFilter(" note=a=b ;;  id = 7 ")).containsExactly(
                Map.entry("note", "a=b"), Map.entry("id", "7"));
    }

    @Test
    void aJsonObjectKeepsItsTypesAndMayHoldASemicolon() {
        assertThat(new ListFilter("{\"name\": \"A;B%\", \"i_customer\": 5}")).containsExactly(
                Map.entry("name", "A;B%"), Map.entry("i_customer", 5));
    }

    @Test
    void theUrlEncodedValueOfACamel418PipeIsDecodedOnce() {
        assertThat(new ListFilter("bill_status%3DO%3Bname%3DAcme%25")).containsExactly(
                Map.entry("bill_status", "O"), Map.entry("name", "Acme%"));
        assertThat(new ListFilter("%7B%22name%22%3A+%22A+B%22%7D")).containsExactly(Map.entry("name", "A B"));
        // a literal value is never decoded
        assertThat(new ListFilter("name=Acme%25")).containsExactly(Map.entry("name", "Acme%25"));
    }

    @Test
    void blankOrUnsetIsNoFilter() {
        assertThat(new ListFilter(null)).isEmpty();
        assertThat(new ListFilter("  ")).isEmpty();
    }

    @Test
    void aPairWithoutNameOrEqualsIsRejectedQuotingIt() {
        assertThatThrownBy(() -> new ListFilter("bill_status=O;Acme"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'Acme' in 'bill_status=O;Acme' is not name=value");
        assertThatThrownBy(() -> new ListFilter("=O")).hasMessageContaining("'=O'");
    }

    @Test
    void aNameGivenTwiceOrBrokenJsonIsRejected() {
        assertThatThrownBy(() -> new ListFilter("name=A;name=B")).hasMessageContaining("names 'name' twice");
        assertThatThrownBy(() -> new ListFilter("{\"name\": ")).hasMessageContaining("not a valid JSON object");
    }
}
