package io.helpdeskverify.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.helpdeskverify.support.Api;
import io.helpdeskverify.support.Fixtures;
import io.helpdeskverify.support.HelpdeskTest;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

@HelpdeskTest
class CsvImportTest {

    @LocalServerPort
    int port;
    Api api;
    String customer;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        customer = Fixtures.unique("csv");
        assertThat(api.post("/api/v1/customers", "{\"slug\":\"%s\",\"name\":\"CSV Co\",\"defaultRegion\":\"GB\"}"
                .formatted(customer)).status()).isEqualTo(201);
    }

    private Api.Response importCsv(String csv) {
        return api.send("POST", "/api/v1/customers/" + customer + "/end-users/import", csv, "text/csv",
                Api.ADMIN_TOKEN, Map.of());
    }

    @Test
    void goodRowsImportWhileBadRowsAreReportedWithTheirLine() {
        var r = importCsv("""
                username,display_name,email,mobile
                jdoe,John Doe,jdoe@csv.example,07911 123456
                bad phone,Bad Phone,bp@csv.example,12345
                asmith,Ann Smith,asmith@csv.example,
                dup,Dup,jdoe@csv.example,
                """);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("created").asInt()).isEqualTo(2);
        assertThat(r.json().get("updated").asInt()).isZero();
        var rejected = r.json().get("rejected");
        assertThat(rejected).hasSize(2);
        assertThat(rejected.get(0).get("line").asInt()).isEqualTo(3);
        assertThat(rejected.get(1).get("line").asInt()).isEqualTo(5);
        assertThat(rejected.get(1).get("reason").asText()).contains("email");

        var landline = importCsv("username,display_name,email,mobile\nland,Land Line,,+44 20 7946 0958\n");
        assertThat(landline.json().get("rejected").get(0).get("reason").asText()).contains("not a mobile number");

        var jdoe = api.get("/api/v1/customers/" + customer + "/end-users/jdoe").json();
        assertThat(jdoe.get("mobile").asText()).as("normalised with the customer's region").isEqualTo("+447911123456");
        assertThat(jdoe.get("source").asText()).isEqualTo("CSV");

        var again = importCsv("username,display_name,email,mobile\njdoe,John D.,jdoe@csv.example,\n");
        assertThat(again.json().get("updated").asInt()).isEqualTo(1);
    }

    @Test
    void theOptionalGroupsColumnGivesUsersTheirGroupsForDualControl() {
        assertThat(api.patch("/api/v1/customers/" + customer,
                "{\"policy\":{\"dualControl\":{\"highRiskGroups\":[\"executives\"]}}}").status()).isEqualTo(200);
        var r = importCsv("""
                username,display_name,email,mobile,groups
                ceo,The CEO,ceo@csv.example,,Executives; Board ;executives
                clerk,A Clerk,clerk@csv.example,,Finance
                temp,A Temp,temp@csv.example,,
                """);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("created").asInt()).isEqualTo(3);

        var ceo = api.get("/api/v1/customers/" + customer + "/end-users/ceo").json();
        assertThat(ceo.get("groups").toString()).as("';'-separated, trimmed, each once, names only")
                .isEqualTo("[{\"name\":\"Executives\"},{\"name\":\"Board\"}]");
        assertThat(ceo.get("dualControl").asText()).isEqualTo("member of Executives");
        var clerk = api.get("/api/v1/customers/" + customer + "/end-users/clerk").json();
        assertThat(clerk.has("dualControl")).as("not in the group").isFalse();
        assertThat(api.get("/api/v1/customers/" + customer + "/end-users/temp").json().get("groups")).isEmpty();

        importCsv("username,display_name,email,mobile\nceo,The CEO,ceo@csv.example,\n");
        assertThat(api.get("/api/v1/customers/" + customer + "/end-users/ceo").json().get("groups"))
                .as("a file without the column keeps them").hasSize(2);
        importCsv("username,display_name,email,mobile,groups\nceo,The CEO,ceo@csv.example,,\n");
        var cleared = api.get("/api/v1/customers/" + customer + "/end-users/ceo").json();
        assertThat(cleared.get("groups")).as("an empty cell clears them").isEmpty();
        assertThat(cleared.has("dualControl")).isFalse();
    }

    @Test
    void aMalformedFileIsRefusedWholeWithTheLine() {
        var r = importCsv("username,display_name,email,mobile\nok,Ok,ok@csv.example,\n\"broken,x,y,z\n");
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(api.get("/api/v1/customers/" + customer + "/end-users").json().get("total").asInt())
                .as("nothing imported").isZero();
    }

    @Test
    void aMissingHeaderIsRefused() {
        var r = importCsv("jdoe,John Doe,jdoe@csv.example,\n");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("detail").asText()).contains("username,display_name,email,mobile");
        assertThat(importCsv("").status()).isEqualTo(400);
    }

    @Test
    void theListIsPaged() {
        importCsv("username,display_name,email,mobile\na1,A,,\na2,A,,\na3,A,,\n");
        var page = api.get("/api/v1/customers/" + customer + "/end-users?page=1&size=2").json();
        assertThat(page.get("total").asInt()).isEqualTo(3);
        assertThat(page.get("items")).hasSize(1);
        assertThat(page.get("items").get(0).get("username").asText()).isEqualTo("a3");
        assertThat(api.get("/api/v1/customers/" + customer + "/end-users?size=0").status()).isEqualTo(400);
    }
}
