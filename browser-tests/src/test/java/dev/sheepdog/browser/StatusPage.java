package dev.sheepdog.browser;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The operator's status page at {@code /status}, polling every second for the tests. */
final class StatusPage {

    private final ChromeDriver driver;

    private StatusPage(ChromeDriver driver) {
        this.driver = driver;
    }

    static StatusPage open(Chromium chromium, URI origin) {
        chromium.desktop();
        chromium.driver().get(origin.resolve("/status?every=1").toString());
        return new StatusPage(chromium.driver());
    }

    boolean asksForToken() {
        return driver.findElement(By.id("sign-in")).isDisplayed() && !driver.findElement(By.id("dashboard")).isDisplayed();
    }

    void signIn(String token) {
        WebElement field = driver.findElement(By.id("token"));
        field.clear();
        field.sendKeys(token);
        driver.findElement(By.cssSelector("#token-form button[type=submit]")).click();
    }

    String tokenField() {
        return driver.findElement(By.id("token")).getDomProperty("value");
    }

    String signInError() {
        return driver.findElement(By.id("token-error")).getText();
    }

    boolean dashboardShown() {
        return driver.findElement(By.id("dashboard")).isDisplayed();
    }

    List<String> endpoints() {
        return driver.findElements(By.cssSelector("[data-endpoint]")).stream()
                .map(card -> card.getDomAttribute("data-endpoint")).toList();
    }

    String field(String endpoint, String field) {
        return card(endpoint).findElement(By.cssSelector("[data-field=" + field + "]")).getText();
    }

    String stat(String endpoint, String stat) {
        return card(endpoint).findElement(By.cssSelector("[data-stat='" + stat + "'] dd")).getText();
    }

    /** How many values the endpoint's chart plots (-1 while not drawn), and the lines it draws. */
    @SuppressWarnings("unchecked")
    Chart chart(String endpoint, String chart) {
        // Read in one script: the page redraws its charts at every poll, which would stale an element in between.
        List<Object> read = (List<Object>) driver.executeScript("""
                const plot = document.querySelector(`[data-endpoint='${arguments[0]}'] svg[data-chart=${arguments[1]}]`);
                if (plot === null) {
                    return [-1, ''];
                }
                const lines = [...plot.querySelectorAll('path.chart-line')].map(path => path.getAttribute('d'));
                return [Number(plot.dataset.points), lines.join('|')];""", endpoint, chart);
        return new Chart(((Number) read.get(0)).intValue(), (String) read.get(1));
    }

    /** One cell of a client key's row in the client keys table ("" while the row is not drawn). */
    String client(String id, String column) {
        return (String) driver.executeScript("""
                const cell = document.querySelector(`[data-client='${arguments[0]}'] [data-column=${arguments[1]}]`);
                return cell === null ? '' : cell.textContent;""", id, column);
    }

    /** How many times the page has drawn the admin API's answers: polls counted, not moments waited for. */
    int polls() {
        return ((Number) driver.executeScript("return Number(document.body.dataset.polls ?? 0)")).intValue();
    }

    String text(String id) {
        return driver.findElement(By.id(id)).getText();
    }

    String storage() {
        return (String) driver.executeScript(
                "return JSON.stringify([Object.keys(localStorage), Object.keys(sessionStorage), document.cookie])");
    }

    void waitFor(Duration timeout, WritingPage.Condition condition) {
        new WebDriverWait(driver, timeout, Duration.ofMillis(50)).until(ignored -> condition.holds());
    }

    private WebElement card(String endpoint) {
        return driver.findElement(By.cssSelector("[data-endpoint='" + endpoint + "']"));
    }

    /** What a chart shows: the number of values plotted, and its lines' path data. */
    record Chart(int points, String lines) {
    }
}
