package dev.springxhr.xhr;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.netty.channel.DefaultEventLoopGroup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.blockhound.BlockHound;
import reactor.blockhound.BlockingOperationError;

import org.springframework.web.reactive.function.client.WebClient;

import dev.springxhr.xhr.support.TestServer;
import dev.springxhr.xhr.support.XhrTestServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@link EventDelivery#EVENT_LOOP}, listeners of a request sent from an event loop run on that loop, where
 * blocking is forbidden: BlockHound catches a listener that blocks there. On the executor the same listener may
 * block (it holds up only its own request). Runs in a JVM of its own ({@code blockhound} execution).
 */
@Tag("blockhound")
class EventLoopBlockingTests {

	@RegisterExtension
	static final XhrTestServer<TestServer> server = XhrTestServer.netty();

	private static final DefaultEventLoopGroup senders = new DefaultEventLoopGroup(1);

	@BeforeAll
	static void installBlockHound() {
		BlockHound.install();
	}

	@AfterAll
	static void stopSenders() {
		senders.shutdownGracefully(0, 1, TimeUnit.SECONDS);
	}

	@Test
	void aListenerThatBlocksOnTheEventLoopIsCaught() throws Exception {
		Throwable blocked = sendFromAnEventLoopWithABlockingListener(EventDelivery.EVENT_LOOP).get(10,
				TimeUnit.SECONDS);

		assertThat(blocked).isInstanceOf(BlockingOperationError.class).hasMessageContaining("sleep");
	}

	@Test
	void onTheExecutorTheSameListenerMayBlock() throws Exception {
		Throwable blocked = sendFromAnEventLoopWithABlockingListener(EventDelivery.EXECUTOR).get(10,
				TimeUnit.SECONDS);

		assertThat(blocked).isNull();
	}

	private static CompletableFuture<Throwable> sendFromAnEventLoopWithABlockingListener(EventDelivery delivery) {
		XhrFactory factory = new WebClientXhrFactory(WebClient.builder(),
				server.settings().withEventDelivery(delivery));
		CompletableFuture<Throwable> outcome = new CompletableFuture<>();
		senders.next().execute(() -> {
			XMLHttpRequest xhr = factory.create();
			xhr.addEventListener("load", (event) -> {
				try {
					Thread.sleep(1);
					outcome.complete(null);
				}
				catch (Throwable ex) {
					outcome.complete(ex);
				}
			});
			xhr.open("GET", server.url("/text"));
			xhr.send();
		});
		return outcome;
	}

}
