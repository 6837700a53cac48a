package org.blackstart.app.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class CustomerCsvTest {

    private static final String HEADER = "id,name,email,phone,language,region,services,channels,key_account\n";

    @Test
    void readsQuotedFieldsAndSemicolonLists() {
        List<CustomerCsv.Row> rows = CustomerCsv.parse(HEADER
                + "acme,\"Acme, Inc.\",ops@acme.example,+31201234567,nl,eu-west,\"checkout; search\",email;sms,true\n"
                + "\"quote\",\"The \"\"Quoted\"\" Co\",q@q.example,,en,us-east,api,email,false\n");

        assertThat(rows).hasSize(2);
        CustomerFields acme = rows.get(0).fields();
        assertThat(rows.get(0).line()).isEqualTo(2);
        assertThat(acme.name()).isEqualTo("Acme, Inc.");
        assertThat(acme.services()).containsExactly("checkout", "search");
        assertThat(acme.channels()).containsExactly("email", "sms");
        assertThat(acme.keyAccount()).isTrue();
        assertThat(rows.get(1).line()).isEqualTo(3);
        assertThat(rows.get(1).fields().name()).isEqualTo("The \"Quoted\" Co");
        assertThat(rows.get(1).fields().keyAccount()).isFalse();
    }

    @Test
    void aQuotedLineBreakKeepsLaterLineNumbersRight() {
        List<CustomerCsv.Row> rows = CustomerCsv.parse(HEADER
                + "a1,\"Two\nLines\",a@a.example,,en,eu,api,email,false\n"
                + "a2,Next,b@b.example,,en,eu,api,email,false\n");

        assertThat(rows.get(0).fields().name()).isEqualTo("Two\nLines");
        assertThat(rows.get(1).line()).isEqualTo(4);
    }

    @Test
    void columnsMayComeInAnyOrder() {
        List<CustomerCsv.Row> rows = CustomerCsv.parse(
                "key_account,channels,services,region,language,phone,email,name,id\ntrue,email,api,eu,de,,x@y.example,X,x1\n");

        assertThat(rows.get(0).fields().id()).isEqualTo("x1");
        assertThat(rows.get(0).fields().language()).isEqualTo("de");
    }

    @Test
    void brokenRowsAreReportedWithTheirLine() {
        List<CustomerCsv.Row> rows = CustomerCsv.parse(HEADER
                + "short,Too Few,a@a.example\n"
                + "k1,Key,k@k.example,,en,eu,api,email,maybe\n");

        assertThat(rows.get(0).problem().field()).isEqualTo("row");
        assertThat(rows.get(0).problem().message()).contains("has 3 fields");
        assertThat(rows.get(0).id()).isEqualTo("short");
        assertThat(rows.get(1).line()).isEqualTo(3);
        assertThat(rows.get(1).problem().field()).isEqualTo("key_account");
    }

    @Test
    void aFileWithoutHeaderIsRefused() {
        assertThatThrownBy(() -> CustomerCsv.parse("acme,Acme,ops@acme.example,,nl,eu,api,email,true\n"))
                .isInstanceOf(InvalidCsvException.class).hasMessageContaining("first line must be the header");
    }

    @Test
    void unknownAndMissingColumnsAreNamed() {
        assertThatThrownBy(() -> CustomerCsv.parse(HEADER.strip() + ",vip\n"))
                .isInstanceOf(InvalidCsvException.class).hasMessageContaining("unknown column 'vip'");
        assertThatThrownBy(() -> CustomerCsv.parse("id,name,email\n"))
                .isInstanceOf(InvalidCsvException.class).hasMessageContaining("missing column 'phone'");
        assertThatThrownBy(() -> CustomerCsv.parse(""))
                .isInstanceOf(InvalidCsvException.class).hasMessageContaining("empty");
    }

    @Test
    void anUnclosedQuoteMakesTheFileUnreadable() {
        assertThatThrownBy(() -> CustomerCsv.parse(HEADER + "a,\"never closed,a@a.example,,en,eu,api,email,true\n"))
                .isInstanceOf(InvalidCsvException.class).hasMessageContaining("not readable as CSV");
    }
}
