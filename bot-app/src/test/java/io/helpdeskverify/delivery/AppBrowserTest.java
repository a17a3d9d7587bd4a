package io.helpdeskverify.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.helpdeskverify.support.Api;
import io.helpdeskverify.support.Fixtures;
import io.helpdeskverify.support.HelpdeskTest;
import io.helpdeskverify.verification.State;
import io.helpdeskverify.verification.VerificationService;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.devtools.Command;
import org.openqa.selenium.devtools.DevTools;
import org.openqa.selenium.devtools.Event;
import org.openqa.selenium.devtools.HasDevTools;
import org.openqa.selenium.json.JsonInput;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The self-serve app as an end user meets it, in real headless Chromium against the whole bot: the
 * enrolment link arrives by SMS (the Twilio fake), the app enrols and turns notifications on, and
 * challenges started by an API technician are answered on its screens. The pushes go to the fake
 * FCM through the Admin SDK; the one FCM would have delivered is handed to the service worker
 * through the DevTools protocol ({@code ServiceWorker.deliverPushMessage}), as FCM's push service
 * would. The Firebase JS SDK itself is not configured here (it needs Google's servers), so the
 * test reports the registration token it would have obtained, with the app's own device secret.
 * Skipped, and says so, where Chromium is not installed.
 */
@HelpdeskTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AppBrowserTest extends DeliveryFakes {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;
    @Autowired
    VerificationService verifications;

    private Api api;
    private DeliveryWorld world;
    private WebDriver browser;
    private WebDriverWait wait;
    private DevTools devTools;
    private final List<String> registrations = new CopyOnWriteArrayList<>();
    private Path profile;
    private String user;
    private String mobile;
    private String fcmToken;
    private String tech;

    @BeforeAll
    void openBrowser() throws IOException {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!installed) {
            System.out.println("Browser test skipped: " + CHROMIUM + " or " + CHROMEDRIVER + " is missing.");
        }
        Assumptions.assumeTrue(installed, "Chromium and chromedriver are not installed: the browser test is skipped");
        api = new Api(port);
        world = new DeliveryWorld(api, verifications);
        profile = Files.createTempDirectory("app-chromium");
        var options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic",
                "--user-data-dir=" + profile, "--window-size=420,860");
        var logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        var service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
        browser = new ChromeDriver(service, options);
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        wait.ignoring(StaleElementReferenceException.class);
        devTools = ((HasDevTools) browser).getDevTools();
        devTools.createSessionIfThereIsNotOne();
        devTools.addListener(new Event<>("ServiceWorker.workerRegistrationUpdated", AppBrowserTest::registrationIds),
                ids -> registrations.addAll(ids));
        devTools.send(new Command<Void>("ServiceWorker.enable", Map.of()));
        // What the user's "Allow" in the permission prompt does; headless Chromium shows no prompt.
        devTools.send(new Command<Void>("Browser.grantPermissions",
                Map.of("permissions", List.of("notifications"), "origin", origin())));

        mobile = DeliveryWorld.mobile();
        user = world.user(mobile, null);
        tech = Fixtures.unique("Tess");
    }

    @AfterAll
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    @Order(1)
    void theLinkFromTheSmsEnrolsTheBrowserAndLeavesTheAddressBar() {
        var sent = api.post("/api/v1/customers/acme/end-users/" + user + "/enrolments?send=sms", "");
        assertThat(sent.status()).as(sent.body()).isEqualTo(201);
        assertThat(sent.json().get("sentBy").asText()).isEqualTo("sms");
        assertThat(sent.json().has("enrolmentToken")).as("sent to the user, not handed to the caller").isFalse();
        String sms = await().until(() -> smsTo(mobile), s -> s != null);
        assertThat(sms).contains("Test MSP").contains(PUBLIC_URL + "/app/#enrol=");
        String link = sms.substring(sms.indexOf(PUBLIC_URL)).split("\\s")[0];

        browser.get(link.replace(PUBLIC_URL, origin()));

        waitForScreen("screen-notifications");
        assertThat(browser.getCurrentUrl()).isEqualTo(origin() + "/app/");
        click("notify-on");
        waitForScreen("screen-idle");
        assertThat(text("screen-idle")).contains("No identity check waiting")
                .contains("Notifications are not set up on this server");
        assertThat(browser.getCurrentUrl()).doesNotContain("enrol").doesNotContain(deviceSecret());

        var devices = api.get("/api/v1/customers/acme/end-users/" + user + "/devices").json();
        assertThat(devices).hasSize(1);
        assertThat(devices.get(0).get("platform").asText()).isEqualTo("web");
        assertThat(devices.get(0).get("notificationsEnabled").asBoolean()).isTrue();
        assertThat(devices.get(0).get("hasPushToken").asBoolean()).isFalse();
        screenshot("app-idle");

        // What the Firebase JS SDK's getToken() reports when the four FIREBASE_WEB_* settings are set.
        fcmToken = "web-token-" + user;
        var patched = api.send("PATCH", "/api/v1/devices/" + deviceId(), "{\"fcmToken\":\"" + fcmToken + "\"}",
                "application/json", deviceSecret(), Map.of());
        assertThat(patched.status()).as(patched.body()).isEqualTo(200);
    }

    @Test
    @Order(2)
    void aPushIsApprovedWithOneTapAndTheAppSaysIdentityVerified() {
        String id = world.start(user, "PUSH", tech).get("id").asText();

        waitForScreen("screen-challenge");
        assertThat(text("screen-challenge")).contains("Test MSP: identity check").contains(tech + " from Test MSP")
                .contains("Approve only if you are on a call with them now").contains("s left to answer")
                .contains("Approve").contains("Deny").contains("I did not ask for this");
        screenshot("app-challenge");
        click("approve");

        waitForScreen("screen-outcome");
        assertThat(text("screen-outcome")).contains("Identity verified");
        assertThat(verifications.find(id).orElseThrow().state()).isEqualTo(State.VERIFIED);
        screenshot("app-verified");
        click("outcome-done");
        waitForScreen("screen-idle");
    }

    @Test
    @Order(3)
    void theServiceWorkerShowsTheFcmPushAndKeepsTheCodeForPushPlusCode() throws Exception {
        var started = world.start(user, "PUSH_WITH_CODE", tech);
        String id = started.get("id").asText();
        String code = started.get("code").asText();
        var v = world.awaitVerification(id, x -> x.state() == State.SENT);
        JsonNode message = await().until(() -> lastFcmMessage(v.challengeId()), m -> m != null);
        assertThat(message.at("/webpush/headers/Urgency").asText()).isEqualTo("high");
        assertThat(message.at("/webpush/fcm_options/link").asText())
                .isEqualTo(PUBLIC_URL + "/app/#challenge=" + v.challengeId());

        deliverPush(message);

        var notifications = await().until(this::notifications, n -> !n.isEmpty());
        JsonNode shown = notifications.get(notifications.size() - 1);
        assertThat(shown.get("title").asText()).isEqualTo("Test MSP: identity check");
        assertThat(shown.get("body").asText()).contains(tech).contains("read code " + code);
        assertThat(shown.get("tag").asText()).isEqualTo(v.challengeId());
        assertThat(shown.at("/data/url").asText()).endsWith("/app/#challenge=" + v.challengeId());

        // What a click on it does to the open app (a click cannot be made headless): the challenge's address.
        browser.get(origin() + "/app/#challenge=" + v.challengeId());
        waitForScreen("screen-challenge");
        assertThat(browser.getCurrentUrl()).isEqualTo(origin() + "/app/");
        assertThat(text("screen-challenge")).contains("Approve, then read the code the app shows to " + tech);
        click("approve");
        waitForScreen("screen-code");
        assertThat(text("code-value").replace(" ", "")).isEqualTo(code);
        assertThat(text("screen-code")).contains("Read this code to " + tech);
        screenshot("app-code");

        var decided = api.technician(tech).post("/api/v1/verifications/" + id + "/decision", "{\"decision\":\"approve\"}");
        assertThat(decided.status()).as(decided.body()).isEqualTo(200);
        waitForScreen("screen-outcome");
        assertThat(text("screen-outcome")).contains("Identity verified");
        click("outcome-done");
    }

    /** The reverse check: the push's code on the challenge screen, and the user's "the codes match". */
    @Test
    @Order(8) // after the push tests: its notification would be the one the service worker shows them
    void aReverseCheckShowsThePushsCodeAndTheMatchVerifies() throws Exception {
        var started = verifications.start(io.helpdeskverify.verification.StartRequest.reverse("acme", user,
                new io.helpdeskverify.verification.Technician(io.helpdeskverify.verification.Platform.SLACK,
                        "U" + tech.replace("-", ""), tech), "C1"));
        var s = (io.helpdeskverify.verification.StartResult.Started) started;
        String id = s.verification().id();
        String code = s.code().orElseThrow();
        var v = world.awaitVerification(id, x -> x.state() == State.SENT);
        deliverPush(await().until(() -> lastFcmMessage(v.challengeId()), m -> m != null));

        browser.get(origin() + "/app/#challenge=" + v.challengeId());
        waitForScreen("screen-challenge");
        await().untilAsserted(() -> assertThat(text("reverse-code").replace(" ", "")).isEqualTo(code));
        assertThat(text("screen-challenge")).contains("should read you the code below").contains("The codes match")
                .doesNotContain("Approve");
        click("match");

        waitForScreen("screen-outcome");
        assertThat(text("screen-outcome")).contains("Identity verified").contains("the caller is confirmed");
        assertThat(verifications.find(id).orElseThrow().state()).isEqualTo(State.VERIFIED);
        click("outcome-done");
    }

    @Test
    @Order(4)
    void verifiedPushTakesAWrongCodeThenTheRightOne() {
        var started = world.start(user, "VERIFIED_PUSH", tech);
        String id = started.get("id").asText();
        String code = started.get("code").asText();
        waitForScreen("screen-challenge");
        assertThat(browser.findElement(By.id("approve")).isDisplayed()).isFalse();
        assertThat(text("screen-challenge")).contains("will read you a code");

        type("code-input", wrong(code));
        click("code-submit");
        wait.until(b -> !text("code-error").isBlank());
        assertThat(text("code-error")).containsIgnoringCase("attempt");
        screenshot("app-verified-push");

        type("code-input", code);
        click("code-submit");
        waitForScreen("screen-outcome");
        assertThat(text("screen-outcome")).contains("Identity verified");
        assertThat(verifications.find(id).orElseThrow().state()).isEqualTo(State.VERIFIED);
        click("outcome-done");
    }

    @Test
    @Order(5)
    void denyEndsUnableToVerify() {
        String id = world.start(user, "PUSH", tech).get("id").asText();
        waitForScreen("screen-challenge");
        click("deny");
        waitForScreen("screen-outcome");
        assertThat(text("screen-outcome")).contains("Unable to verify").contains("You denied this request");
        assertThat(verifications.find(id).orElseThrow().state()).isEqualTo(State.USER_DENIED);
        click("outcome-done");
    }

    @Test
    @Order(6)
    void iDidNotAskForThisDeniesAndReportsIt() {
        String id = world.start(user, "PUSH", tech).get("id").asText();
        waitForScreen("screen-challenge");
        click("report");
        waitForScreen("screen-outcome");
        assertThat(text("screen-outcome")).contains("Unable to verify").contains("did not ask for this");
        screenshot("app-reported");
        var v = verifications.find(id).orElseThrow();
        assertThat(v.state()).isEqualTo(State.USER_DENIED);
        assertThat(v.userReported()).isTrue();
        await().untilAsserted(() -> assertThat(world.eventTypes(id))
                .containsSubsequence("USER_DENIED", "USER_REPORTED", "UNABLE_TO_VERIFY"));
        click("outcome-done");
    }

    @Test
    @Order(7)
    void aChallengeCancelledByTheTechnicianShowsItsOutcomeNotAnError() {
        String id = world.start(user, "PUSH", tech).get("id").asText();
        waitForScreen("screen-challenge");
        var cancelled = api.technician(tech).post("/api/v1/verifications/" + id + "/cancel", "{}");
        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
        waitForScreen("screen-outcome");
        assertThat(text("screen-outcome")).contains("Cancelled").contains("Your technician cancelled this request");
        click("outcome-done");
    }

    @Test
    @Order(9)
    void theShellIsFromThisOriginOnlyUnderItsCsp() {
        @SuppressWarnings("unchecked")
        List<String> resources = (List<String>) js().executeScript(
                "return performance.getEntriesByType('resource').map(e => e.name)");
        assertThat(resources).isNotEmpty().allSatisfy(r -> assertThat(r).startsWith(origin() + "/"));
        List<LogEntry> console = browser.manage().logs().get(LogType.BROWSER).getAll();
        assertThat(console).noneSatisfy(e -> assertThat(e.getMessage()).containsIgnoringCase("Content Security Policy"));
        assertThat(js().executeScript("return navigator.serviceWorker.controller && navigator.serviceWorker.controller.scriptURL"))
                .isEqualTo(origin() + "/app/sw.js");
        // The offline shell: what the service worker cached on install, served when the network is gone.
        @SuppressWarnings("unchecked")
        List<String> cached = (List<String>) js().executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "caches.keys().then(names => Promise.all(names.map(n => caches.open(n).then(c => c.keys()))))"
                + ".then(all => done(all.flat().map(r => new URL(r.url).pathname))).catch(e => done([String(e)]));");
        assertThat(cached).contains("/app/", "/app/app.js", "/app/app.css", "/app/manifest.webmanifest",
                "/app/icons/icon-192.png").noneMatch(p -> p.startsWith("/api/"));
    }

    @Test
    @Order(10)
    void aRevokedDeviceIsToldToEnrolAgain() {
        var revoked = api.delete("/api/v1/customers/acme/end-users/" + user + "/devices/" + deviceId());
        assertThat(revoked.status()).as(revoked.body()).isEqualTo(204);
        waitForScreen("screen-revoked");
        assertThat(text("screen-revoked")).contains("This device was removed").contains("Enrol the app again");
        assertThat(js().executeScript("return localStorage.getItem('hv.device')")).isNull();
        screenshot("app-revoked");
    }

    @Test
    @Order(11)
    void aChallengeNobodyAnswersExpires() {
        // Its own customer with the shortest countdown allowed, so this waits 30 s rather than 60.
        String customer = Fixtures.unique("exp").toLowerCase();
        var created = api.post("/api/v1/customers", "{\"slug\":\"%s\",\"name\":\"Expiring\",\"policy\":{\"countdownSeconds\":30}}"
                .formatted(customer));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String u = Fixtures.unique("late");
        assertThat(api.post("/api/v1/customers/" + customer + "/end-users",
                "{\"username\":\"" + u + "\",\"displayName\":\"Late " + u + "\"}").status()).isEqualTo(201);
        var issued = api.post("/api/v1/customers/" + customer + "/end-users/" + u + "/enrolments", "");
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        browser.get(issued.json().get("link").asText().replace(PUBLIC_URL, origin()));
        waitForScreen("screen-notifications");
        click("notify-skip");
        waitForScreen("screen-idle");
        var patched = api.send("PATCH", "/api/v1/devices/" + deviceId(),
                "{\"fcmToken\":\"web-token-" + u + "\",\"notificationsEnabled\":true}", "application/json",
                deviceSecret(), Map.of());
        assertThat(patched.status()).as(patched.body()).isEqualTo(200);

        var start = api.technician(tech).post("/api/v1/verifications",
                "{\"customer\":\"%s\",\"user\":\"%s\",\"method\":\"PUSH\"}".formatted(customer, u));
        assertThat(start.status()).as(start.body()).isEqualTo(201);
        waitForScreen("screen-challenge");
        new WebDriverWait(browser, Duration.ofSeconds(45)).until(b -> "screen-outcome".equals(screen()));
        assertThat(text("screen-outcome")).contains("Expired").contains("The time to answer ran out");
        screenshot("app-expired");
    }

    // ---------- helpers ----------

    private String origin() {
        return "http://localhost:" + port;
    }

    private JavascriptExecutor js() {
        return (JavascriptExecutor) browser;
    }

    private String screen() {
        return (String) js().executeScript("return document.body.dataset.current || ''");
    }

    private void waitForScreen(String id) {
        wait.until(b -> id.equals(screen()));
    }

    private String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    private void click(String id) {
        wait.until(b -> b.findElement(By.id(id)).isDisplayed() && b.findElement(By.id(id)).isEnabled());
        browser.findElement(By.id(id)).click();
    }

    private void type(String id, String value) {
        var input = browser.findElement(By.id(id));
        input.clear();
        input.sendKeys(value);
    }

    private String deviceId() {
        return device().get("deviceId").asText();
    }

    private String deviceSecret() {
        return device().get("deviceSecret").asText();
    }

    private JsonNode device() {
        return DeliveryWorld.json((String) js().executeScript("return localStorage.getItem('hv.device')"));
    }

    private static String wrong(String code) {
        char first = code.charAt(0) == '9' ? '0' : (char) (code.charAt(0) + 1);
        return first + code.substring(1);
    }

    private static String smsTo(String mobile) {
        return WIREMOCK.getAllServeEvents().stream()
                .filter(e -> e.getRequest().getUrl().equals(TWILIO_SEND))
                .map(e -> DeliveryWorld.form(e.getRequest().getBodyAsString()))
                .filter(f -> mobile.equals(f.get("To")) && f.getOrDefault("Body", "").contains("#enrol="))
                .map(f -> f.get("Body"))
                .findFirst().orElse(null);
    }

    /** The FCM request the Admin SDK made for this challenge, newest first. */
    private JsonNode lastFcmMessage(String challengeId) {
        return DeliveryWorld.fcmRequests(fcmToken).stream()
                .map(r -> r.get("message"))
                .filter(m -> m.at("/data/challengeId").asText().equals(challengeId))
                .reduce((a, b) -> b).orElse(null);
    }

    /**
     * What FCM's push service hands the browser for that request: the data, the webpush
     * notification and its link, in the JSON the Firebase SDKs read ({@code fcmOptions.link}).
     */
    private void deliverPush(JsonNode message) throws IOException {
        ObjectNode payload = JSON.createObjectNode();
        payload.set("data", message.get("data"));
        payload.set("notification", message.at("/webpush/notification"));
        payload.putObject("fcmOptions").put("link", message.at("/webpush/fcm_options/link").asText());
        payload.put("from", "1234567890");
        payload.put("fcmMessageId", "fake-" + message.at("/data/challengeId").asText());
        await().until(() -> !registrations.isEmpty());
        devTools.send(new Command<Void>("ServiceWorker.deliverPushMessage", Map.of("origin", origin(),
                "registrationId", registrations.get(registrations.size() - 1), "data", JSON.writeValueAsString(payload))));
    }

    private List<JsonNode> notifications() throws IOException {
        Object result = js().executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "navigator.serviceWorker.ready.then(r => r.getNotifications())"
                + ".then(ns => done(JSON.stringify(ns.map(n => ({title: n.title, body: n.body, tag: n.tag, data: n.data})))))"
                + ".catch(e => done('[]'));");
        var out = new java.util.ArrayList<JsonNode>();
        JSON.readTree((String) result).forEach(out::add);
        return out;
    }

    private static List<String> registrationIds(JsonInput input) {
        var ids = new java.util.ArrayList<String>();
        Map<String, Object> event = input.read(Map.class);
        Object list = event.get("registrations");
        if (list instanceof List<?> registrations) {
            for (Object r : registrations) {
                if (r instanceof Map<?, ?> m && String.valueOf(m.get("scopeURL")).endsWith("/app/")
                        && !Boolean.TRUE.equals(m.get("isDeleted"))) {
                    ids.add(String.valueOf(m.get("registrationId")));
                }
            }
        }
        return ids;
    }

    private void screenshot(String name) {
        var shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        try {
            Files.copy(shot.toPath(), Path.of("target", name + ".png"), StandardCopyOption.REPLACE_EXISTING);
            if (Boolean.getBoolean("helpdesk.update-screenshot")) {
                // For docs/app.md: -Dhelpdesk.update-screenshot=true refreshes docs/app-*.png.
                Files.copy(shot.toPath(), Path.of("..", "docs", name + ".png"), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new IllegalStateException("could not save the screenshot", e);
        }
    }
}
