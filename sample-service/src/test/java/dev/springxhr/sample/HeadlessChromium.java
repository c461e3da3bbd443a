package dev.springxhr.sample;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import org.springframework.util.FileSystemUtils;

/**
 * A real browser for the sample's page tests: Debian's headless Chromium, driven by chromedriver, with a profile of
 * its own (so two of them are two users with separate cookies).
 * <p>
 * Needs {@code /usr/bin/chromium} and {@code /usr/bin/chromedriver} (Debian packages {@code chromium} and
 * {@code chromium-driver}, which {@code .ci/run} installs). Without them the test is skipped, unless the environment
 * variable {@code XHR_BROWSER_TESTS=required} (set by {@code .ci/run}) makes their absence a failure.
 */
final class HeadlessChromium implements AutoCloseable {

	private static final Path CHROMIUM = Path.of(System.getProperty("chromium.binary", "/usr/bin/chromium"));

	private static final Path CHROMEDRIVER = Path.of(System.getProperty("chromedriver.binary", "/usr/bin/chromedriver"));

	private final WebDriver driver;

	private final Path profile;

	private HeadlessChromium(WebDriver driver, Path profile) {
		this.driver = driver;
		this.profile = profile;
	}

	/** Start a browser, or skip the test (fail it under {@code XHR_BROWSER_TESTS=required}) without one. */
	static HeadlessChromium start() throws IOException {
		boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
		if (!installed && "required".equals(System.getenv("XHR_BROWSER_TESTS"))) {
			throw new IllegalStateException("XHR_BROWSER_TESTS=required but " + CHROMIUM + " or " + CHROMEDRIVER
					+ " is missing: apt-get install chromium chromium-driver");
		}
		Assumptions.assumeTrue(installed, () -> "No " + CHROMIUM + " and " + CHROMEDRIVER + ": browser test skipped");
		Path profile = Files.createTempDirectory("sample-chromium-");
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		// The flags keep Chromium off the (closed) network and independent of the machine's state.
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
				"--disable-sync", "--window-size=1280,1600", "--user-data-dir=" + profile);
		// An explicit driver: Selenium Manager would otherwise try to download one.
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.usingAnyFreePort()
			.build();
		return new HeadlessChromium(new ChromeDriver(service, options), profile);
	}

	WebDriver driver() {
		return this.driver;
	}

	@Override
	public void close() throws IOException {
		this.driver.quit();
		FileSystemUtils.deleteRecursively(this.profile);
	}

}
