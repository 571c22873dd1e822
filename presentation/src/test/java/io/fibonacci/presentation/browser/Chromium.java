package io.fibonacci.presentation.browser;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium, driven through its own chromedriver: nothing is downloaded. The
 * binaries come from {@code CHROME_BIN} and {@code CHROMEDRIVER} or their Debian paths. Without
 * them a browser test is skipped with a message, except under {@code CI=true}, where that fails.
 */
final class Chromium {

  private static final String BROWSER =
      System.getenv().getOrDefault("CHROME_BIN", "/usr/bin/chromium");
  private static final String DRIVER =
      System.getenv().getOrDefault("CHROMEDRIVER", "/usr/bin/chromedriver");

  private Chromium() {}

  /** A fresh browser with a profile of its own; quit it when done. */
  static ChromeDriver start() {
    requireInstalled();
    Path profile;
    try {
      profile = Files.createTempDirectory("fibonacci-chromium-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(BROWSER);
    options.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--no-first-run",
        "--window-size=1280,1000",
        "--user-data-dir=" + profile);
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new File(DRIVER))
            .usingAnyFreePort()
            .build();
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    return driver;
  }

  private static void requireInstalled() {
    boolean installed = new File(BROWSER).canExecute() && new File(DRIVER).canExecute();
    if (installed) {
      return;
    }
    String message =
        "Browser tests need Chromium and ChromeDriver ("
            + BROWSER
            + ", "
            + DRIVER
            + "); on Debian: apt-get install chromium chromium-driver.";
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      throw new IllegalStateException(message + " Under CI=true this is a failure.");
    }
    Assumptions.abort(message + " Skipped.");
  }
}
