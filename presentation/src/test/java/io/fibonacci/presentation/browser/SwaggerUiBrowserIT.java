package io.fibonacci.presentation.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Swagger UI as a reader of the documentation uses it: open the F(n) operation, "Try it out",
 * execute, and see the value. Leaves a screenshot in target/browser/ (docs/swagger-ui.png is one).
 */
class SwaggerUiBrowserIT {

  private static EmbeddedServer api;
  private static ChromeDriver browser;

  @BeforeAll
  static void startServerAndBrowser() {
    api = ApplicationContext.run(EmbeddedServer.class, Map.of("micronaut.server.port", -1));
    browser = Chromium.start();
  }

  @AfterAll
  static void stopEverything() {
    if (browser != null) {
      browser.quit();
    }
    if (api != null) {
      api.close();
    }
  }

  @Test
  void triesTheFibonacciOperationAndShowsTheValue() throws IOException {
    var wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    browser.get("http://localhost:" + api.getPort() + "/swagger-ui/");

    WebElement operation =
        wait.until(
            ExpectedConditions.elementToBeClickable(
                By.cssSelector("#operations-fibonacci-byPath .opblock-summary")));
    operation.click();
    wait.until(
            ExpectedConditions.elementToBeClickable(
                By.cssSelector("#operations-fibonacci-byPath .try-out__btn")))
        .click();
    WebElement position =
        wait.until(
            ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#operations-fibonacci-byPath input[placeholder='n']")));
    position.clear();
    position.sendKeys("100");
    browser.findElement(By.cssSelector("#operations-fibonacci-byPath .execute")).click();

    WebElement body =
        wait.until(
            ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector(
                    "#operations-fibonacci-byPath .live-responses-table .response-col_description pre")));
    wait.until(driver -> body.getText().contains("354224848179261915075"));
    assertThat(body.getText()).contains("\"value\": \"354224848179261915075\"");
    assertThat(
            browser
                .findElement(
                    By.cssSelector(
                        "#operations-fibonacci-byPath .live-responses-table tbody .response-col_status"))
                .getText())
        .contains("200");

    browser.executeScript(
        "arguments[0].closest('.responses-wrapper').scrollIntoView({block: 'start'});", body);
    Path screenshot = Path.of("target", "browser", "swagger-ui.png");
    Files.createDirectories(screenshot.getParent());
    Files.write(screenshot, browser.getScreenshotAs(OutputType.BYTES));
  }
}
