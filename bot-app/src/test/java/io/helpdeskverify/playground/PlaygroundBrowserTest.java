package io.helpdeskverify.playground;

import static org.assertj.core.api.Assertions.assertThat;

import io.helpdeskverify.shared.ServerKeys;
import io.helpdeskverify.support.Api;
import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
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
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The playground as a newcomer uses it, in real headless Chromium: the README's run configuration
 * (local profile), Slack and Teams panes talking to the bot through its real endpoints, the phone
 * answering through the mobile-app API. Skipped, and says so, where Chromium is not installed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ActiveProfiles("local")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PlaygroundBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final int PORT = freePort();

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        // The local profile's Slack Web API URL is built from server.port, so the port is fixed up front.
        registry.add("server.port", () -> PORT);
        registry.add("helpdesk.data-dir", () -> "target/test-data/playground-" + PORT);
        // The playground refuses a Redis of one's own (its Reset wipes it): the embedded one even when REDIS_URL is set.
        registry.add("spring.data.redis.url", () -> "");
    }

    @Autowired
    ServerKeys keys;

    private WebDriver browser;
    private WebDriverWait wait;
    private Path profile;

    @BeforeAll
    void openBrowser() throws IOException {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!installed) {
            System.out.println("Browser test skipped: " + CHROMIUM + " or " + CHROMEDRIVER
                    + " is missing (apt-get install chromium chromium-driver; .ci/run does this).");
        }
        Assumptions.assumeTrue(installed, "Chromium and chromedriver are not installed: the browser test is skipped");
        profile = Files.createTempDirectory("playground-chromium");
        var options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic",
                "--user-data-dir=" + profile, "--window-size=1600,1000");
        var service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
        browser = new ChromeDriver(service, options);
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        wait.ignoring(StaleElementReferenceException.class);
        browser.get("http://localhost:" + PORT + "/");
        wait.until(b -> !text("live-class").contains("off"));
    }

    @AfterAll
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    @Order(1)
    void pushWithCodeFromSlackIsApprovedOnThePhoneAndByTheTechnician() {
        type(By.id("slack-input"), "/verify alice@acme --push-code");
        click(By.cssSelector("#slack-form button"));

        waitFor("#slack-messages", "Waiting for the user");
        String codeMessage = waitFor("#slack-messages", "Verification code for Alice Anders");
        assertThat(codeMessage).contains("Only visible to you");

        // The push reaches Alice's phone with the code she will read back.
        String notification = waitFor("#challenges", "Approve");
        assertThat(notification).containsPattern("code [0-9]{6}");
        click(By.cssSelector("#challenges button[data-answer='approve']"));
        waitFor("#phone-result", "You approved");

        waitFor("#slack-messages", "Waiting for the technician's approval");
        click(By.cssSelector("#slack-messages button[data-action-id='hv_approve']"));

        String channel = waitFor("#slack-messages", "Verified");
        assertThat(channel).contains("Approved ✓");
        String thread = wait.until(b -> {
            var threads = b.findElements(By.cssSelector("[data-testid='slack-thread']"));
            return threads.isEmpty() ? null : threads.get(0).getText();
        });
        assertThat(thread).contains("Verified");
        assertThat(text("#slack-messages")).contains("Identity verifications, ");
    }

    @Test
    @Order(2)
    void smsFromTeamsIsDeniedAndBothViewsSayIt() {
        type(By.id("teams-input"), "verify bob@acme --sms");
        click(By.cssSelector("#teams-form button"));

        // Tina's personal view (refresh.userIds) has the code and the buttons; Oscar's has neither.
        String tina = waitFor("#teams-tech", "Deny");
        assertThat(tina).containsPattern("[0-9]{3} ?[0-9]{3}");
        String oscar = waitFor("#teams-observer", "Bob Brown");
        assertThat(oscar).doesNotContain("Deny");
        String sms = waitFor("#inbox", "SMS to +12025550102");
        assertThat(sms).contains("Read it to Tina Tech");

        click(By.xpath("//div[@id='teams-tech']//button[normalize-space()='Deny']"));

        waitFor("#teams-tech", "Unable to verify");
        waitFor("#teams-observer", "Unable to verify");
        screenshot();
    }

    @Test
    @Order(3)
    void aVerificationNobodyAnswersExpires() {
        // The shortest countdown a customer may have, so the browser waits 30 s rather than 60.
        var api = new Api(PORT);
        var policy = api.send("PATCH", "/api/v1/customers/acme", "{\"policy\":{\"countdownSeconds\":30}}",
                "application/json", keys.adminToken(), Map.of());
        assertThat(policy.status()).as(policy.body()).isEqualTo(200);

        type(By.id("slack-input"), "/verify carol@acme");
        click(By.cssSelector("#slack-form button"));
        waitFor("#slack-messages", "Carol Chen");

        new WebDriverWait(browser, Duration.ofSeconds(60)).ignoring(StaleElementReferenceException.class)
                .until(b -> text("#slack-messages").contains("Expired"));
        assertThat(text("#inbox")).contains("Email to carol@acme.example");
    }

    private String waitFor(String css, String needle) {
        return wait.until(b -> {
            String t = text(css);
            return t.contains(needle) ? t : null;
        });
    }

    private String text(String css) {
        if (css.equals("live-class")) {
            return browser.findElement(By.id("live")).getAttribute("class");
        }
        return browser.findElement(By.cssSelector(css)).getText();
    }

    private void type(By field, String value) {
        WebElement input = browser.findElement(field);
        input.clear();
        input.sendKeys(value);
    }

    /** Panes are re-rendered on every change, so an element is looked up again until the click lands. */
    private void click(By target) {
        wait.until(b -> {
            var found = b.findElements(target);
            if (found.isEmpty()) {
                return false;
            }
            ((JavascriptExecutor) b).executeScript("arguments[0].scrollIntoView({block:'center'})", found.get(0));
            found.get(0).click();
            return true;
        });
    }

    private void screenshot() {
        File shot = ((org.openqa.selenium.TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        try {
            Path target = Path.of("target", "playground.png");
            Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
            if (Boolean.getBoolean("helpdesk.update-screenshot")) {
                // For the README: -Dhelpdesk.update-screenshot=true refreshes docs/playground.png.
                Files.copy(shot.toPath(), Path.of("..", "docs", "playground.png"), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new IllegalStateException("could not save the screenshot", e);
        }
    }

    private static int freePort() {
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
