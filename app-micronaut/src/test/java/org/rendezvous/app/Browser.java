package org.rendezvous.app;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Chromium for the browser tests (issue 14 item 5), one per test class:
 * <pre>
 * &#64;RegisterExtension
 * static final Browser browser = new Browser();
 * </pre>
 * It starts Debian's {@code chromium} through its {@code chromedriver} with the flags that keep it off the
 * network (no background networking, updates, sync or QUIC) and a fresh profile; runs a flow in a
 * {@link Window#PHONE} or {@link Window#DESKTOP} window ({@code @EnumSource(Browser.Window.class)} runs it in
 * both); checks the page with axe-core ({@link #assertAccessible}); and takes screenshots. Where Chromium or
 * its driver is missing the class is skipped with a message naming the two Debian packages, except with
 * {@code CI=true}, where that is a failure: CI must run them.
 */
final class Browser implements ExecutionCondition, BeforeAllCallback, AfterAllCallback {

    /** The window sizes a flow is checked in. */
    enum Window {
        /** A phone held upright (iPhone 12 to 15: 390 × 844 CSS pixels). */
        PHONE(390, 844),
        /** A laptop. */
        DESKTOP(1280, 900);

        final int width;
        final int height;

        Window(int width, int height) {
            this.width = width;
            this.height = height;
        }
    }

    static final String CHROMIUM = System.getProperty("rendezvous.chromium", "/usr/bin/chromium");
    static final String CHROMEDRIVER = System.getProperty("rendezvous.chromedriver", "/usr/bin/chromedriver");
    static final String MISSING = "Chromium or its driver is missing (" + CHROMIUM + ", " + CHROMEDRIVER + "): install the "
            + "Debian packages chromium and chromium-driver (apt-get install chromium chromium-driver) to run the browser tests";
    private static final String AXE_VERSION = "META-INF/maven/org.webjars.npm/axe-core/pom.properties";
    private static final List<String> SERIOUS = List.of("serious", "critical");

    private WebDriver driver;
    private WebDriverWait waiting;
    private Path profile;
    private String axe;

    static boolean installed() {
        return new File(CHROMIUM).canExecute() && new File(CHROMEDRIVER).canExecute();
    }

    static boolean onCi() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (installed() || onCi()) {
            return ConditionEvaluationResult.enabled("Chromium is installed, or CI requires it");
        }
        System.err.println("\n*** SKIPPED " + context.getDisplayName() + ": " + MISSING + " ***\n");
        return ConditionEvaluationResult.disabled(MISSING);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        if (!installed()) {
            throw new IllegalStateException("CI=true: " + MISSING);
        }
        profile = Files.createTempDirectory("rendezvous-chromium-");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic",
                "--no-first-run", "--user-data-dir=" + profile, "--lang=fr-FR");
        // Issue 14: the browser's language is explicit (French, the default), so what the pages say does not
        // depend on the machine; English is reached through the pages' switch.
        options.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", "fr-FR,fr"));
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        waiting = new WebDriverWait(driver, Duration.ofSeconds(15));
        use(Window.DESKTOP);
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        if (driver != null) {
            driver.quit();
            driver = null;
        }
        if (profile != null) {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    WebDriver driver() {
        return driver;
    }

    WebDriverWait waiting() {
        return waiting;
    }

    /** Resizes the window. */
    void use(Window window) {
        driver.manage().window().setSize(new Dimension(window.width, window.height));
    }

    /**
     * Runs axe-core (from npm, through its webjar) in the page as it is now and fails on any serious or critical
     * violation, listing each rule, its help and the elements it found, so that the fix is plain.
     */
    @SuppressWarnings("unchecked")
    void assertAccessible(String what) {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        if (!Boolean.TRUE.equals(js.executeScript("return typeof window.axe !== 'undefined'"))) {
            js.executeScript(axeSource());
        }
        Object result = js.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {resultTypes: ['violations']})
                  .then(r => done(r.violations.map(v => ({id: v.id, impact: v.impact || '', help: v.help,
                      nodes: v.nodes.map(n => n.target.join(' ') + ': ' + (n.failureSummary || '').replace(/\\s+/g, ' '))}))))
                  .catch(e => done('axe failed: ' + e));""");
        if (result instanceof String failure) {
            throw new AssertionError(what + ": " + failure);
        }
        List<Map<String, Object>> serious = ((List<Map<String, Object>>) result).stream()
                .filter(v -> SERIOUS.contains(v.get("impact")))
                .toList();
        if (!serious.isEmpty()) {
            throw new AssertionError(what + " (" + driver.getCurrentUrl() + "): " + serious.size()
                    + " serious or critical accessibility violation(s) found by axe-core:\n" + serious.stream()
                    .map(v -> "- " + v.get("impact") + " " + v.get("id") + ": " + v.get("help") + "\n    "
                            + String.join("\n    ", (List<String>) v.get("nodes")))
                    .collect(Collectors.joining("\n")));
        }
    }

    /**
     * A picture of what the window shows, written to the file (its directory made if need be): a PNG, or, for a name
     * ending in {@code .webp} or {@code .jpg}, Chromium's own compressed capture (DevTools' Page.captureScreenshot,
     * quality 80), several times lighter than the PNG, with no image tool.
     */
    void screenshot(Path file) {
        String name = file.getFileName().toString();
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.write(file, name.endsWith(".webp") || name.endsWith(".jpg")
                    ? compressedScreenshot(name.endsWith(".webp") ? "webp" : "jpeg")
                    : ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private byte[] compressedScreenshot(String format) {
        Map<String, Object> shot = ((ChromeDriver) driver).executeCdpCommand("Page.captureScreenshot",
                Map.of("format", format, "quality", 80));
        return java.util.Base64.getDecoder().decode((String) shot.get("data"));
    }

    /** With RENDEZVOUS_TEST_SCREENSHOTS=a-directory, what the browser shows at a named step, to look at. */
    void screenshotForDebugging(String name) {
        String directory = System.getenv("RENDEZVOUS_TEST_SCREENSHOTS");
        if (directory != null && !directory.isBlank()) {
            screenshot(Path.of(directory, name + ".png"));
        }
    }

    /** axe.min.js from the webjar, whatever its version (the root pom pins it). */
    private String axeSource() {
        if (axe == null) {
            ClassLoader classes = Browser.class.getClassLoader();
            try (InputStream properties = classes.getResourceAsStream(AXE_VERSION)) {
                if (properties == null) {
                    throw new IllegalStateException("org.webjars.npm:axe-core is not on the test classpath");
                }
                java.util.Properties webjar = new java.util.Properties();
                webjar.load(properties);
                String script = "META-INF/resources/webjars/axe-core/" + webjar.getProperty("version") + "/axe.min.js";
                try (InputStream in = classes.getResourceAsStream(script)) {
                    axe = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return axe;
    }
}
