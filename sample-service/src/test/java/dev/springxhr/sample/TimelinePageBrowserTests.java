package dev.springxhr.sample;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample's page ({@code /}) in a real browser, Debian's headless Chromium driven by chromedriver: it connects to
 * the event stream, a click on "Check now" checks every upstream, and the timeline shows each request's relayed XHR
 * events as they fire — loadstart → progress → load → loadend for the fast JSON upstream, timeout for the slow one —
 * and the {@code xhr} health (the browser: {@link HeadlessChromium}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class TimelinePageBrowserTests {

	private static final Duration PATIENCE = Duration.ofSeconds(30);

	private static HeadlessChromium chromium;

	private static WebDriver browser;

	@LocalServerPort
	private int port;

	@DynamicPropertySource
	static void port(DynamicPropertyRegistry registry) {
		SamplePort.register(registry);
	}

	@BeforeAll
	static void startBrowser() throws IOException {
		chromium = HeadlessChromium.start();
		browser = chromium.driver();
	}

	@AfterAll
	static void stopBrowser() throws IOException {
		if (chromium != null) {
			chromium.close();
		}
	}

	@Test
	void theTimelineShowsEachRequestsEventsLiveAndTheHealth() throws IOException {
		browser.get("http://localhost:" + this.port + "/");
		WebDriverWait wait = new WebDriverWait(browser, PATIENCE);
		wait.until(ExpectedConditions.attributeToBe(By.id("connection"), "data-state", "open"));

		long before = newestRequestId();
		browser.findElement(By.id("check-now")).click();

		WebElement inventory = finished(wait, "inventory", before);
		assertThat(eventTypes(inventory)).containsExactly("loadstart", "progress", "load", "loadend");
		assertThat(inventory.findElement(By.className("outcome")).getText()).isEqualTo("load 200");
		wait.until((driver) -> inventory.findElement(By.className("summary")).getText().contains("ServiceStatus["));

		WebElement slow = finished(wait, "slow-search", before);
		assertThat(eventTypes(slow)).containsExactly("loadstart", "timeout", "loadend");
		assertThat(slow.findElement(By.className("outcome")).getAttribute("data-outcome")).isEqualTo("timeout");

		WebElement large = finished(wait, "catalog-export", before);
		List<String> download = eventTypes(large);
		assertThat(download).startsWith("loadstart").endsWith("load", "loadend");
		assertThat(download.stream().filter("progress"::equals).count()).as("progress chips").isGreaterThan(2);

		// The waterfall: each request a bar on one time axis, with a mark where each event fired, in order.
		List<Long> inventoryOffsets = markOffsets(inventory);
		assertThat(markTypes(inventory)).containsExactly("loadstart", "progress", "load", "loadend");
		assertThat(inventoryOffsets).isSorted().startsWith(0L);
		assertThat(markTypes(slow)).containsExactly("loadstart", "timeout", "loadend");
		assertThat(markOffsets(slow).get(1)).as("the timeout fires 1 s after send()").isBetween(900L, 5000L);
		assertThat(barWidth(slow)).as("the slow request's bar is the longer on the shared axis")
			.isGreaterThan(barWidth(inventory));

		wait.until(ExpectedConditions.attributeToBe(By.id("health"), "data-status", "UP"));
		wait.until((driver) -> !driver.findElements(By.cssSelector("#health-details [data-probe='inventory']"))
			.isEmpty());

		screenshot("timeline.png");
	}

	@Test
	void theSyncXhrButtonShowsThePolicyOnTheEventLoopAndSuccessOnAWorker() {
		browser.get("http://localhost:" + this.port + "/");
		WebDriverWait wait = new WebDriverWait(browser, PATIENCE);
		browser.findElement(By.id("sync-demo")).click();

		wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#sync-result [data-outcome]")));
		List<String> outcomes = browser.findElements(By.cssSelector("#sync-result [data-outcome]"))
			.stream()
			.map((element) -> element.getAttribute("data-outcome"))
			.toList();
		assertThat(outcomes).containsExactly("NetworkError", "status 200");
	}

	/** The card of an upstream's request newer than {@code afterRequestId}, once its loadend has arrived. */
	private static WebElement finished(WebDriverWait wait, String upstream, long afterRequestId) {
		return wait.until((driver) -> driver
			.findElements(By.cssSelector("#requests li.request[data-label='" + upstream + "'][data-done='true']"))
			.stream()
			.filter((card) -> Long.parseLong(card.getAttribute("data-request-id")) > afterRequestId)
			.findFirst()
			.orElse(null));
	}

	/** The newest request the page shows (the stream replays earlier ones to a new page), or 0. */
	private static long newestRequestId() {
		Object newest = ((JavascriptExecutor) browser).executeScript("return Math.max(0, ...Array.from("
				+ "document.querySelectorAll('#requests li.request')).map((card) => Number(card.dataset.requestId)));");
		return ((Number) newest).longValue();
	}

	/** The types of the request's own (not upload) marks on its waterfall, in the order they fired. */
	@SuppressWarnings("unchecked")
	private static List<String> markTypes(WebElement card) {
		return (List<String>) ((JavascriptExecutor) browser).executeScript(
				"return Array.from(arguments[0].querySelectorAll('.waterfall .mark[data-upload=\"false\"]'))"
						+ ".map((mark) => mark.dataset.type);",
				card);
	}

	/** When each of the request's own marks fired, in milliseconds after its loadstart. */
	private static List<Long> markOffsets(WebElement card) {
		return card.findElements(By.cssSelector(".waterfall .mark[data-upload='false']"))
			.stream()
			.map((mark) -> Long.parseLong(mark.getAttribute("data-offset-millis")))
			.toList();
	}

	private static int barWidth(WebElement card) {
		return card.findElement(By.cssSelector(".waterfall .bar")).getSize().getWidth();
	}

	/** The request's own events in the order the page shows them (without readystatechange and upload events). */
	@SuppressWarnings("unchecked")
	private static List<String> eventTypes(WebElement card) {
		return (List<String>) ((JavascriptExecutor) browser).executeScript(
				"return Array.from(arguments[0].querySelectorAll('.events .chip[data-upload=\"false\"]'))"
						+ ".map((chip) => chip.dataset.type).filter((type) => type !== 'readystatechange');",
				card);
	}

	private static void screenshot(String name) throws IOException {
		File shot = ((ChromeDriver) browser).getScreenshotAs(OutputType.FILE);
		Path target = Path.of("target", name);
		Files.createDirectories(target.getParent());
		Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
	}

}
