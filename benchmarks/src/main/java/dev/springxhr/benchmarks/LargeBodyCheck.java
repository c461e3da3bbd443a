package dev.springxhr.benchmarks;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import reactor.core.publisher.Flux;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;

import dev.springxhr.xhr.StreamingBody;
import dev.springxhr.xhr.XMLHttpRequest;
import dev.springxhr.xhr.XhrEventObserver;
import dev.springxhr.xhr.XhrFactory;

/**
 * One large body through an async XHR, in a JVM whose {@code -Xmx} the run script fixes, against a server in its own
 * JVM: {@code --mode=download} reads 256 MiB as {@code arraybuffer}, {@code --mode=upload} sends 256 MiB as a
 * {@link StreamingBody} of 64 KiB slices of one array. Reports the peak heap while the request runs.
 *
 * <p>Options: {@code --mode=download|upload --mib=256 --out=results/large-download.json}.
 */
public final class LargeBodyCheck {

	private static final int CHUNK = 64 * 1024;

	public static void main(String[] args) throws Exception {
		String mode = Results.option(args, "mode", "download");
		long size = Long.parseLong(Results.option(args, "mib", "256")) * 1024 * 1024;
		Path out = Path.of(Results.option(args, "out", "results/large-" + mode + ".json"));
		Map<String, Object> result = new LinkedHashMap<>();
		try (ServerProcess server = ServerProcess.start("256m", 1); BenchClients clients = new BenchClients(16)) {
			XhrFactory factory = clients.xhrFactory(XhrEventObserver.NONE);
			// Warm up the path with a small body of the same kind.
			for (int i = 0; i < 20; i++) {
				send(factory, server.baseUrl(), mode, 1024 * 1024).get(30, TimeUnit.SECONDS);
			}
			long baseline = HeapPeak.usedAfterGc();
			long start = System.nanoTime();
			long received;
			long peak;
			long poolPeaks;
			try (HeapPeak heap = HeapPeak.start()) {
				received = send(factory, server.baseUrl(), mode, size).get(3, TimeUnit.MINUTES);
				peak = heap.peak();
				poolPeaks = HeapPeak.sumOfPoolPeaks();
			}
			double seconds = (System.nanoTime() - start) / 1e9;
			if (received != size) {
				throw new IllegalStateException(mode + " of " + size + " bytes ended with " + received);
			}
			result.put("mode", mode);
			result.put("bodyBytes", size);
			result.put("seconds", seconds);
			result.put("mibPerSecond", size / 1048576.0 / seconds);
			result.put("maxHeapBytes", Runtime.getRuntime().maxMemory());
			result.put("baselineHeapBytes", baseline);
			result.put("peakHeapBytes", peak);
			result.put("sumOfPoolPeaksBytes", poolPeaks);
			result.put("peakOverBody", peak / (double) size);
		}
		System.out.println(result);
		Results.write(out, result);
		System.exit(0);
	}

	/** The future completes at loadend with the bytes received (download) or that the server counted (upload). */
	private static CompletableFuture<Long> send(XhrFactory factory, String baseUrl, String mode, long size) {
		CompletableFuture<Long> done = new CompletableFuture<>();
		XMLHttpRequest xhr = factory.create();
		if (mode.equals("download")) {
			xhr.open("GET", baseUrl + "/stream/" + size);
			xhr.setResponseType("arraybuffer");
			xhr.addEventListener("loadend", (event) -> done.complete((long) BenchClients.length(xhr)));
			xhr.send();
		}
		else {
			byte[] slice = new byte[CHUNK];
			long chunks = size / CHUNK;
			Flux<DataBuffer> content = Flux.range(0, (int) chunks)
				.map((index) -> DefaultDataBufferFactory.sharedInstance.wrap(slice));
			xhr.open("POST", baseUrl + "/upload");
			xhr.addEventListener("loadend", (event) -> done
				.complete((xhr.getStatus() == 200) ? Long.parseLong(xhr.getResponseText()) : -1L));
			xhr.send(StreamingBody.of(content, chunks * CHUNK, "application/octet-stream"));
		}
		return done;
	}

}
