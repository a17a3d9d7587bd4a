package io.helpdeskverify.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.helpdeskverify.support.Api;
import io.helpdeskverify.support.ChatTechnicianStarts;
import io.helpdeskverify.support.Fixtures;
import io.helpdeskverify.support.HelpdeskTest;
import io.helpdeskverify.verification.VerificationService;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The CSV export is opened in spreadsheets: text from outside must never arrive there as a formula. */
@HelpdeskTest
class EventCsvExportTest {

    @LocalServerPort
    int port;
    @Autowired
    VerificationService verifications;

    @Test
    void cellsThatASpreadsheetWouldRunAsFormulasArePrefixedWithAQuote() throws IOException {
        var api = new Api(port);
        String customer = Fixtures.unique("csv");
        assertThat(api.post("/api/v1/customers", "{\"slug\":\"%s\",\"name\":\"Csv\"}".formatted(customer)).status())
                .isEqualTo(201);
        List<String> names = List.of("=HYPERLINK(\"http://x\",\"click\")", "+1+cmd|' /C calc'!A0", "-2+3",
                "@SUM(1,2)", "\tTabbed", "\r=1+1");
        for (int i = 0; i < names.size(); i++) {
            String user = Fixtures.unique("u");
            assertThat(api.post("/api/v1/customers/" + customer + "/end-users",
                    "{\"username\":\"%s\",\"mobile\":\"+12025550177\"}".formatted(user)).status()).isEqualTo(201);
            // A Slack display name and channel are text from outside, as a chat start brings them.
            ChatTechnicianStarts.asSlackTechnician(verifications, customer, user, Optional.empty(), names.get(i),
                    "=chan" + i);
        }

        var csv = api.send("GET", "/api/v1/events?customer=" + customer + "&type=VERIFICATION_REQUESTED", null, null,
                Api.ADMIN_TOKEN, Map.of("Accept", "text/csv"));
        assertThat(csv.status()).isEqualTo(200);
        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv.body())).getRecords();

        assertThat(rows).extracting(r -> r.get("technician"))
                .containsExactlyInAnyOrderElementsOf(names.stream().map(n -> "'" + n).toList());
        assertThat(rows).extracting(r -> r.get("channel")).allSatisfy(c -> assertThat(c).startsWith("'=chan"));
        // Only the dangerous cells change: ids, times, types and plain names stay as they were.
        assertThat(rows).allSatisfy(r -> {
            assertThat(r.get("type")).isEqualTo("VERIFICATION_REQUESTED");
            assertThat(r.get("customer")).isEqualTo(customer);
            assertThat(r.get("time")).matches("\\d{4}-.*Z");
        });
    }

    @Test
    void theRuleCoversEveryCharacterOwaspNamesAndNothingElse() {
        for (String dangerous : List.of("=", "+", "-", "@", "\t", "\r")) {
            assertThat(EventController.cell(dangerous + "x")).isEqualTo("'" + dangerous + "x");
        }
        assertThat(EventController.cell("Jane = Doe")).isEqualTo("Jane = Doe");
        assertThat(EventController.cell("")).isEmpty();
        assertThat(EventController.cell(null)).isEmpty();
        assertThat(EventController.cell("'quoted")).isEqualTo("'quoted");
    }
}
