package dev.springxhr.sample.watch;

/**
 * What an upstream says about itself, mapped from its JSON response with
 * {@code xhr.getResponse(ServiceStatus.class)} (the application's own JSON mapper).
 *
 * @param service the service's name
 * @param status its status, e.g. {@code ok}
 * @param version its version
 * @param uptimeSeconds how long it has been up
 */
public record ServiceStatus(String service, String status, String version, long uptimeSeconds) {
}
