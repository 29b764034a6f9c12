package dev.sheepdog.browser;

import static dev.sheepdog.browser.Chromium.PATIENCE;

import java.net.URI;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The writing assistant at {@code /}, as a user works it: type, press Enter, read, stop. */
final class WritingPage {

    private final ChromeDriver driver;

    private WritingPage(ChromeDriver driver) {
        this.driver = driver;
    }

    /** Opens the page on a desktop-sized window and waits for the model picker to be filled. */
    static WritingPage open(Chromium chromium, URI origin) {
        chromium.desktop();
        ChromeDriver driver = chromium.driver();
        driver.get(origin.resolve("/").toString());
        WritingPage page = new WritingPage(driver);
        page.waitFor(PATIENCE, () -> driver.findElement(By.id("model")).isEnabled());
        return page;
    }

    /** Opens the page on a desktop-sized window without waiting for anything: the gateway may ask for a key first. */
    static WritingPage load(Chromium chromium, URI origin) {
        chromium.desktop();
        chromium.driver().get(origin.resolve("/").toString());
        return new WritingPage(chromium.driver());
    }

    boolean modelsLoaded() {
        return driver.findElement(By.id("model")).isEnabled();
    }

    boolean asksForKey() {
        return driver.findElement(By.id("key-form")).isDisplayed();
    }

    /** The key form's title and the gateway's words under it. */
    String keyPrompt() {
        return driver.findElement(By.id("key-title")).getText() + " " + driver.findElement(By.id("key-detail")).getText();
    }

    /** Types a client key into the page's form and submits it. */
    void giveKey(String key) {
        WebElement field = driver.findElement(By.id("client-key"));
        field.sendKeys(key);
        driver.findElement(By.id("use-key")).click();
    }

    /** Every place a page could keep something beyond the tab's memory, and the page's own markup. */
    String storedAnywhere() {
        return (String) driver.executeScript("return JSON.stringify([localStorage, sessionStorage, document.cookie,"
                + " location.href, document.documentElement.outerHTML, document.getElementById('client-key').value])");
    }

    void chooseModel(String model) {
        new Select(driver.findElement(By.id("model"))).selectByValue(model);
    }

    String model() {
        return new Select(driver.findElement(By.id("model"))).getFirstSelectedOption().getDomProperty("value");
    }

    String systemPrompt() {
        return (String) driver.executeScript("return document.getElementById('system-prompt').value.trim()");
    }

    double temperature() {
        return Double.parseDouble(driver.findElement(By.id("temperature")).getDomProperty("value"));
    }

    /** Types the prompt and presses Enter, as a user sends it. */
    void send(String prompt) {
        WebElement box = driver.findElement(By.id("prompt"));
        box.sendKeys(prompt);
        box.sendKeys(Keys.ENTER);
    }

    String promptBox() {
        return driver.findElement(By.id("prompt")).getDomProperty("value");
    }

    void stop() {
        driver.findElement(By.id("stop")).click();
    }

    boolean sendEnabled() {
        return driver.findElement(By.id("send")).isEnabled();
    }

    boolean stopEnabled() {
        return driver.findElement(By.id("stop")).isEnabled();
    }

    int turns() {
        return driver.findElements(By.cssSelector(".turn")).size();
    }

    /** The answer of turn {@code index} (0-based) exactly as the page holds it: its text node's characters. */
    String answer(int index) {
        return (String) driver.executeScript(
                "return document.querySelectorAll('.turn .answer')[arguments[0]].textContent", index);
    }

    /** Whether the answer of turn {@code index} shows the typing cursor (drawn by CSS after the text). */
    boolean cursorShown(int index) {
        return !"none".equals(driver.executeScript("return getComputedStyle("
                + "document.querySelectorAll('.turn .answer')[arguments[0]], '::after').content", index));
    }

    /** streaming, done, stopped or failed. */
    String status(int index) {
        return turn(index).getDomAttribute("data-status");
    }

    String notice(int index) {
        WebElement notice = turn(index).findElement(By.cssSelector("[data-field=notice]"));
        return notice.isDisplayed() ? notice.getText() : "";
    }

    String metric(int index, String name) {
        return turn(index).findElement(By.cssSelector("[data-metric=" + name + "]")).getText();
    }

    WebElement turn(int index) {
        return driver.findElements(By.cssSelector(".turn")).get(index);
    }

    /** Waits until turn {@code index} exists and its stream ended, any way. */
    void waitUntilEnded(int index, Duration timeout) {
        waitFor(timeout, () -> turns() > index && !"streaming".equals(status(index))
                && "idle".equals(driver.findElement(By.tagName("body")).getDomAttribute("data-state")));
    }

    void waitFor(Duration timeout, Condition condition) {
        new WebDriverWait(driver, timeout, Duration.ofMillis(20)).until(ignored -> condition.holds());
    }

    /** A check the page is polled for. */
    interface Condition {
        boolean holds();
    }
}
