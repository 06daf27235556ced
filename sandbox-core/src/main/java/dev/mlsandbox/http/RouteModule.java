package dev.mlsandbox.http;

/**
 * A group of endpoints another module adds to the server (the tracking API is one, the artifact
 * proxy another, the model registry a third). See docs/architecture.md, "Adding endpoints".
 */
@FunctionalInterface
public interface RouteModule {
    void register(RouteTable routes);
}
