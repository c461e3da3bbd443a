package dev.springxhr.sample;

import java.io.IOException;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The account page ({@code /account.html}) in two real browsers, two users with a web session each: each logs in at
 * the demo upstream through the service's server-side XHR, and each, asking again after the other logged in, sees
 * only their own data: the upstream's session cookie lives in the profile of the user's own web session.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class AccountsPageBrowserTests {

	private static final Duration PATIENCE = Duration.ofSeconds(30);

	@LocalServerPort
	private int port;

	@DynamicPropertySource
	static void port(DynamicPropertyRegistry registry) {
		SamplePort.register(registry);
	}

	@Test
	void twoUsersInTwoBrowsersEachSeeOnlyTheirOwnData() throws IOException {
		try (HeadlessChromium alice = HeadlessChromium.start(); HeadlessChromium bob = HeadlessChromium.start()) {
			open(alice.driver());
			open(bob.driver());
			assertThat(myData(alice.driver())).as("before a login").isEqualTo("status 401");

			logIn(alice.driver(), "alice");
			assertThat(myData(alice.driver())).startsWith("alice\n").contains("for alice").doesNotContain("bob");
			assertThat(myData(bob.driver())).as("bob has not logged in").isEqualTo("status 401");

			logIn(bob.driver(), "bob");
			assertThat(myData(bob.driver())).startsWith("bob\n").contains("for bob").doesNotContain("alice");
			// Alice again, after Bob's login: still her own upstream session.
			assertThat(myData(alice.driver())).startsWith("alice\n").doesNotContain("bob");
		}
	}

	private void open(WebDriver browser) {
		browser.get("http://localhost:" + this.port + "/account.html");
	}

	private static void logIn(WebDriver browser, String user) {
		WebElement input = browser.findElement(By.id("user"));
		input.clear();
		input.sendKeys(user);
		browser.findElement(By.id("login")).click();
		new WebDriverWait(browser, PATIENCE)
			.until(ExpectedConditions.attributeToBe(By.id("login-status"), "data-user", user));
	}

	private static String myData(WebDriver browser) {
		browser.findElement(By.id("load-me")).click();
		WebDriverWait wait = new WebDriverWait(browser, PATIENCE);
		wait.until((driver) -> {
			String status = driver.findElement(By.id("me")).getAttribute("data-status");
			return status != null && !status.isEmpty() && !status.equals("loading");
		});
		return browser.findElement(By.id("me")).getText();
	}

}
