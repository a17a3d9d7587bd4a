package io.helpdeskverify.psa;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import io.helpdeskverify.support.Api;
import io.helpdeskverify.support.HelpdeskTest;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The ticket page as ConnectWise Manage hosts it, in real headless Chromium: a parent page on another
 * origin of 127.0.0.1 frames {@code /psa/pod} and answers the Hosted API's {@code ready},
 * {@code getScreenObject} and {@code getMemberAuthentication} over postMessage, as Manage does; the
 * ConnectWise fake confirms a member only for the right hash on {@code /system/myMembers/info}. Also
 * the page's API without a browser, and the Autotask LiveLink's one-time code.
 */
@HelpdeskTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PodPageTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final String GOOD_HASH = "b3f1c9e2-good-hash-of-ssmyth";
    static final PsaFake psa = new PsaFake();
    static final HttpServer manage = manage();

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        var p = psa.properties();
        registry.add("CONNECTWISE_URL", psa::connectWiseUrl);
        registry.add("CONNECTWISE_COMPANY_ID", () -> PsaFake.CW_COMPANY);
        registry.add("CONNECTWISE_PUBLIC_KEY", () -> p.connectwise().publicKey());
        registry.add("CONNECTWISE_PRIVATE_KEY", () -> p.connectwise().privateKey());
        registry.add("CONNECTWISE_CLIENT_ID", () -> p.connectwise().clientId());
        registry.add("AUTOTASK_USERNAME", () -> PsaFake.AT_USER);
        registry.add("AUTOTASK_SECRET", () -> p.autotask().secret());
        registry.add("AUTOTASK_INTEGRATION_CODE", () -> p.autotask().integrationCode());
        registry.add("AUTOTASK_DISCOVERY_URL", psa::autotaskDiscoveryUrl);
        registry.add("HELPDESK_PSA_POD_CONNECTWISE_ORIGINS", PodPageTest::manageOrigin);
        registry.add("helpdesk.psa.notes.poll-interval", () -> "200ms");
        registry.add("helpdesk.psa.http.backoff", () -> "20ms");
    }

    @LocalServerPort
    int port;
    @Autowired
    StringRedisTemplate redis;

    Api admin;
    WebDriver browser;
    WebDriverWait wait;

    /** Manage's window: frames the pod and answers its Hosted API requests with the query's member and ticket. */
    private static HttpServer manage() {
        try {
            var server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/ticket", exchange -> {
                String pod = exchange.getRequestURI().getQuery().replaceAll(".*pod=([^&]+).*", "$1");
                byte[] page = """
                        <!DOCTYPE html><html><body><iframe id="pod" src="%s/psa/pod" width="600" height="500"></iframe>
                        <script>
                        const podOrigin = '%s';
                        const q = new URLSearchParams(location.search);
                        window.addEventListener('message', e => {
                          if (e.origin !== podOrigin) return;
                          const m = JSON.parse(e.data);
                          const send = o => document.getElementById('pod').contentWindow.postMessage(JSON.stringify(o), podOrigin);
                          if (m.message === 'ready') send({MessageFrameID: 'frame-7'});
                          else if (m.hosted_request === 'getScreenObject' && m.frameID === 'frame-7')
                            send({response: 'getscreenobject', data: {screen: 'ticket', id: Number(q.get('ticket')), hostedAs: 'pod'}});
                          else if (m.hosted_request === 'getMemberAuthentication' && m.frameID === 'frame-7')
                            send({response: 'getmemberauthentication', data: {site: 'manage.example', companyid: 'yourcompany',
                              memberid: 'SSmyth', memberHash: q.get('hash'), memberContext: 'ctx1',
                              memberEmail: 'whoever-the-browser-says@evil.example'}});
                        });
                        </script></body></html>""".formatted(pod, pod).getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
                exchange.sendResponseHeaders(200, page.length);
                exchange.getResponseBody().write(page);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static String manageOrigin() {
        return "http://127.0.0.1:" + manage.getAddress().getPort();
    }

    @BeforeAll
    void setUp() throws IOException {
        admin = new Api(port);
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!installed) {
            System.out.println("Pod browser tests skipped: " + CHROMIUM + " or " + CHROMEDRIVER + " is missing.");
            return;
        }
        var options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + Files.createTempDirectory("pod-chromium"), "--window-size=1000,800");
        browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build(),
                options);
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        wait.ignoring(StaleElementReferenceException.class);
    }

    @AfterAll
    void tearDown() {
        if (browser != null) {
            browser.quit();
        }
        manage.stop(0);
        psa.stop();
    }

    @BeforeEach
    void connectWiseKnowsSSmyth() {
        psa.reset();
        // CONSTRUCTED: MyMemberInfo as the generated SDKs name it (identifier); 401 for any other credential.
        psa.connectWise.stubFor(get(urlPathEqualTo(PsaFake.CW_API + "/system/myMembers/info")).atPriority(9)
                .willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json")
                        .withBody("{\"code\":\"Unauthorized\",\"message\":\"Unauthorized\"}")));
        psa.connectWise.stubFor(get(urlPathEqualTo(PsaFake.CW_API + "/system/myMembers/info")).atPriority(1)
                .withHeader("Cookie", matching(".*memberId=(?i:ssmyth); memberHash=" + GOOD_HASH + "(;.*|$)"))
                .willReturn(PsaFake.json("{\"identifier\":\"SSmyth\",\"firstName\":\"Sam\",\"lastName\":\"Smyth\"}")));
        psa.connectWise.stubFor(get(urlPathEqualTo(PsaFake.CW_API + "/system/members"))
                .withQueryParam("conditions", equalTo("identifier=\"SSmyth\""))
                .willReturn(PsaFake.json("[{\"identifier\":\"SSmyth\",\"officeEmail\":\"ssmyth@msp.example\",\"inactiveFlag\":false}]")));
    }

    /** A fresh ticket of a fresh mapped customer, its contact the fixture's (unmatched, email only). */
    String ticket() {
        String company = PsaFake.uniqueCompany();
        String slug = ("pod" + company).toLowerCase();
        assertThat(admin.post("/api/v1/customers", """
                {"slug":"%s","name":"Pod Co %s","emailDomains":["%s.example"]}""".formatted(slug, slug, slug)).status())
                .isEqualTo(201);
        assertThat(admin.patch("/api/v1/customers/" + slug, """
                {"psaCompanies":{"connectwise":["%s"]}}""".formatted(company)).status()).isEqualTo(200);
        String ticket = Long.toString(Long.parseLong(company) % 100_000 + 500);
        psa.connectWiseTicket(ticket, company, "2");
        return ticket;
    }

    @Test
    void inManageThePodShowsTheContactVerifiesAndTheStatusReachesTheOutcome() {
        Assumptions.assumeTrue(browser != null, "Chromium is not installed");
        String ticket = ticket();
        browser.get(manageOrigin() + "/ticket?pod=http://127.0.0.1:" + port + "&ticket=" + ticket + "&hash=" + GOOD_HASH);
        browser.switchTo().frame("pod");

        String contact = waitFor("#ticket", "Arnie Bellini");
        assertThat(contact).contains("Ticket " + ticket, "unmatched: contact details from the PSA", "@yourcompany.com")
                .doesNotContain("Arnie@YourCompany.com", "arnie@yourcompany.com");
        browser.findElement(By.cssSelector("#methods button[data-method='EMAIL_CODE']")).click();

        String code = waitFor("#code", "Code to compare");
        assertThat(code).containsPattern("[0-9]{3} ?[0-9]{3}");
        String id = waitFor("#verification-id", "Verification ").replace("Verification ", "").strip();
        var stored = admin.get("/api/v1/verifications/" + id).json();
        assertThat(stored.path("method").asText()).isEqualTo("EMAIL_CODE");
        // The technician is the member ConnectWise confirmed, named by the member record's email, not the browser's.
        assertThat(stored.path("technician").path("name").asText()).isEqualTo("ssmyth@msp.example");
        assertThat(stored.path("technician").path("id").asText()).isEqualTo("connectwise:SSmyth");

        waitFor("#status", "SENT");
        browser.findElement(By.id("approve")).click();
        waitFor("#status", "Outcome: VERIFIED");
        assertThat(admin.get("/api/v1/verifications/" + id).json().path("outcome").asText()).isEqualTo("VERIFIED");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> psa.connectWise.verify(1,
                postRequestedFor(urlPathEqualTo(PsaFake.CW_API + "/service/tickets/" + ticket + "/notes"))
                        .withRequestBody(containing(id)).withRequestBody(containing("\"internalAnalysisFlag\":true"))));
        // The member's hash went to ConnectWise as the member's credential, never with our API member's key.
        psa.connectWise.verify(getRequestedFor(urlPathEqualTo(PsaFake.CW_API + "/system/myMembers/info"))
                .withoutHeader("Authorization"));
    }

    @Test
    void aForgedMemberHashIsRefusedByTheServerAndThePageSaysSo() {
        Assumptions.assumeTrue(browser != null, "Chromium is not installed");
        String ticket = ticket();
        int sessionsBefore = redis.keys("hv:pod:*").size();
        browser.get(manageOrigin() + "/ticket?pod=http://127.0.0.1:" + port + "&ticket=" + ticket + "&hash=forged-hash");
        browser.switchTo().frame("pod");

        String error = waitFor("#error", "Not confirmed");
        assertThat(error).contains("ConnectWise did not confirm you");
        assertThat(browser.findElement(By.id("ticket")).isDisplayed()).isFalse();
        assertThat(redis.keys("hv:pod:*")).hasSize(sessionsBefore);
        // Both documented forms of the hash were tried against ConnectWise, and neither opened a session.
        psa.connectWise.verify(getRequestedFor(urlPathEqualTo(PsaFake.CW_API + "/system/myMembers/info"))
                .withHeader("Cookie", containing("memberHash=forged-hash")));
        psa.connectWise.verify(getRequestedFor(urlPathEqualTo(PsaFake.CW_API + "/system/myMembers/info"))
                .withHeader("Authorization", equalTo("Basic " + Base64.getEncoder().encodeToString(
                        "yourcompany+SSmyth:forged-hash".getBytes(StandardCharsets.UTF_8)))));
    }

    @Test
    void thePageIsFramedOnlyByManageAndLoadsNothingFromElsewhere() {
        var page = admin.as("").get("/psa/pod");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Security-Policy")).contains("default-src 'none'", "script-src 'self'",
                "frame-ancestors " + manageOrigin()).doesNotContain("unsafe-inline", "*");
        assertThat(page.header("X-Frame-Options")).isNull();
        assertThat(page.body()).contains("content=\"" + manageOrigin() + "\"").doesNotContain("<script>");
        // Every other route still refuses to be framed.
        assertThat(admin.get("/api/v1/customers").header("X-Frame-Options")).isEqualTo("DENY");
    }

    @Test
    void aPageSessionReachesOnlyItsOwnVerificationsAndAnAutotaskCodeWorksOnce() {
        String ticket = ticket();
        var anon = admin.as("");
        var forged = anon.post("/api/v1/psa/connectwise/pod/sessions", """
                {"ticketId":"%s","companyId":"yourcompany","memberId":"SSmyth","memberHash":"nope"}""".formatted(ticket));
        assertThat(forged.status()).as(forged.body()).isEqualTo(401);
        var otherCompany = anon.post("/api/v1/psa/connectwise/pod/sessions", """
                {"ticketId":"%s","companyId":"othermsp","memberId":"SSmyth","memberHash":"%s"}""".formatted(ticket, GOOD_HASH));
        assertThat(otherCompany.status()).as(otherCompany.body()).isEqualTo(401);

        var opened = anon.post("/api/v1/psa/connectwise/pod/sessions", """
                {"ticketId":"%s","companyId":"yourcompany","memberId":"ssmyth","memberHash":"%s","memberContext":"ctx1"}"""
                .formatted(ticket, GOOD_HASH));
        // A hash of SSmyth claimed as ssmyth is still SSmyth (ConnectWise's spelling), not a new technician.
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        var pod = admin.as(opened.json().path("session").asText());
        assertThat(pod.get("/api/v1/psa/pod/ticket").json().path("contact").asText()).isEqualTo("Arnie Bellini");
        var started = pod.post("/api/v1/psa/pod/verifications", "{\"method\":\"EMAIL_CODE\"}");
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        String id = started.json().path("id").asText();
        assertThat(pod.get("/api/v1/psa/pod/verifications/" + id).status()).isEqualTo(200);

        // Another verification, started elsewhere, is none of this page's business; nor is the admin API.
        var elsewhere = admin.technician("pod-other-tech").post("/api/v1/verifications",
                "{\"customer\":\"acme\",\"user\":\"bob\",\"method\":\"SMS_CODE\"}");
        assertThat(elsewhere.status()).as(elsewhere.body()).isEqualTo(201);
        assertThat(pod.get("/api/v1/psa/pod/verifications/" + elsewhere.json().path("id").asText()).status()).isEqualTo(404);
        assertThat(pod.get("/api/v1/verifications/" + id).status()).isEqualTo(403);
        assertThat(pod.post("/api/v1/psa/pod/verifications/" + id + "/cancel", null).json().path("state").asText())
                .isEqualTo("CANCELLED");

        // Autotask: a code issued to an API technician opens the LiveLink's page once.
        var tech = admin.technician("pod-at-tech");
        var code = tech.post("/api/v1/psa/autotask/pod/codes", null);
        assertThat(code.status()).as(code.body()).isEqualTo(201);
        String company = PsaFake.uniqueCompany();
        String slug = ("at" + company).toLowerCase();
        admin.post("/api/v1/customers", "{\"slug\":\"%s\",\"name\":\"AT %s\",\"emailDomains\":[\"%s.example\"]}"
                .formatted(slug, slug, slug));
        admin.patch("/api/v1/customers/" + slug, "{\"psaCompanies\":{\"autotask\":[\"%s\"]}}".formatted(company));
        psa.autotaskTicket("T20240115.0077", "48477", company, "30684077");
        psa.autotaskContact("30684077", c -> c.put("mobilePhone", "+1 202 555 0177"));
        String body = "{\"ticketId\":\"48477\",\"code\":\"%s\"}".formatted(code.json().path("code").asText());
        var live = anon.post("/api/v1/psa/autotask/pod/sessions", body);
        assertThat(live.status()).as(live.body()).isEqualTo(201);
        assertThat(live.json().path("technician").asText()).isEqualTo("pod-at-tech");
        assertThat(anon.post("/api/v1/psa/autotask/pod/sessions", body).status()).isEqualTo(401);
        // A code is only as wide as the token it came from: a token of another customer opens nothing here.
        var scoped = admin.issue("pod-scoped-tech", "[\"TECHNICIAN\"]", "[\"acme\"]").post("/api/v1/psa/autotask/pod/codes", null);
        assertThat(scoped.status()).as(scoped.body()).isEqualTo(201);
        var outside = anon.post("/api/v1/psa/autotask/pod/sessions",
                "{\"ticketId\":\"48477\",\"code\":\"%s\"}".formatted(scoped.json().path("code").asText()));
        assertThat(outside.status()).as(outside.body()).isEqualTo(422);
        assertThat(outside.json().path("reason").asText()).isEqualTo("UNMAPPED_COMPANY");
        assertThat(anon.post("/api/v1/psa/connectwise/pod/codes", null).status()).isEqualTo(401);
    }

    private String waitFor(String css, String needle) {
        return wait.until(b -> {
            var found = b.findElements(By.cssSelector(css));
            String t = found.isEmpty() ? "" : found.get(0).getText();
            if (t.contains(needle)) {
                return t;
            }
            var error = b.findElements(By.id("error"));
            if (!css.equals("#error") && !error.isEmpty() && error.get(0).isDisplayed()) {
                throw new AssertionError("the page shows an error: " + error.get(0).getText());
            }
            return null;
        });
    }
}
