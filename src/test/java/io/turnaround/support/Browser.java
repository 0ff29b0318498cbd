package io.turnaround.support;

import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;

/**
 * Headless Chromium from Debian's {@code chromium} and {@code chromium-driver} packages, driven by Selenium.
 * Nothing is downloaded: the binaries are found at their Debian paths (or CHROMIUM / CHROMEDRIVER).
 */
public final class Browser implements AutoCloseable {

    private static final String CHROMIUM = System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium");
    private static final String CHROMEDRIVER = System.getenv().getOrDefault("CHROMEDRIVER", "/usr/bin/chromedriver");

    private final WebDriver driver;
    private final String base;
    private final List<String> contentSecurityPolicyViolations = new ArrayList<>();

    public Browser(int port) {
        requireInstalled(CHROMIUM, CHROMEDRIVER);
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM)
                .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1400,900");
        LoggingPreferences console = new LoggingPreferences();
        console.enable(LogType.BROWSER, Level.ALL);
        options.setCapability(ChromeOptions.LOGGING_PREFS, console);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
        this.driver = new ChromeDriver(service, options);
        this.driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(2));
        this.base = "http://localhost:" + port;
    }

    /**
     * Fails, in one line that says what to install, when either program is missing: Selenium would otherwise go looking
     * for a driver to download, and fail in a way that says neither.
     */
    static void requireInstalled(String chromium, String chromedriver) {
        List<String> missing = new ArrayList<>();
        if (!new File(chromium).canExecute()) {
            missing.add("Chromium (" + chromium + ")");
        }
        if (!new File(chromedriver).canExecute()) {
            missing.add("ChromeDriver (" + chromedriver + ")");
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("The browser tests need " + String.join(" and ", missing)
                    + ": apt-get install chromium chromium-driver, or set CHROMIUM and CHROMEDRIVER to where they are");
        }
    }

    public WebDriver driver() {
        return driver;
    }

    public void open(String path) {
        driver.get(base + path);
    }

    /** Forgets the session, as a fresh browser would. */
    public void signOut() {
        open("/login");
        driver.manage().deleteAllCookies();
    }

    public void signIn(String user) {
        signIn(user, "demo");
    }

    public void signIn(String user, String password) {
        signOut();
        open("/login");
        driver.findElement(By.name("username")).sendKeys(user);
        driver.findElement(By.name("password")).sendKeys(password);
        clickAndWait(driver.findElement(By.cssSelector("form.signin button")));
    }

    /** Clicks something that loads a new page, and waits until the new page has replaced the old one. */
    public void clickAndWait(WebElement element) {
        WebElement page = driver.findElement(By.tagName("html"));
        element.click();
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> replaced(page));
    }

    /**
     * Whether the element's page is gone. Asked while the old document is being swapped for the new one, ChromeDriver
     * may answer that the node "does not belong to the document" instead of calling it stale: gone all the same.
     */
    private static boolean replaced(WebElement page) {
        try {
            page.isEnabled();
            return false;
        } catch (StaleElementReferenceException e) {
            return true;
        } catch (WebDriverException e) {
            if (e.getMessage() != null && e.getMessage().contains("does not belong to the document")) {
                return true;
            }
            throw e;
        }
    }

    /** What the console reported as refused by the Content-Security-Policy since this browser started. */
    public List<String> contentSecurityPolicyViolations() {
        // Reading the console log empties it, so the violations are kept here.
        driver.manage().logs().get(LogType.BROWSER).forEach(entry -> {
            if (entry.getMessage().contains("Content Security Policy")) {
                contentSecurityPolicyViolations.add(entry.getMessage());
            }
        });
        return List.copyOf(contentSecurityPolicyViolations);
    }

    /** Saves what the browser shows to target/screenshots/{name}.png. */
    public void screenshot(String name) {
        try {
            Path target = Path.of("target", "screenshots", name + ".png");
            Files.createDirectories(target.getParent());
            Files.copy(((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath(), target,
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
