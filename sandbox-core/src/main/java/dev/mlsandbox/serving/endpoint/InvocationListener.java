package dev.mlsandbox.serving.endpoint;

/**
 * Receives every request an endpoint answers or refuses, once the answer is known: the hook an
 * inference table (or a per-arm statistics collector) is fed from. Called on the request's thread
 * (shadow answers on the shadow thread) after the response is computed and before it is sent:
 * keep it cheap and never block (enqueue and write elsewhere). An exception it throws is logged
 * and ignored, never the client's problem.
 */
@FunctionalInterface
public interface InvocationListener {
    void onInvocation(InvocationRecord record);
}
