package dev.mlsandbox.serving.protocol;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Run in a Spark-free child JVM: loads an MLflow model directory as an endpoint would and answers
 * one request, writing the compile summary and the response body.
 */
public final class ServingProbe {

    private ServingProbe() {
    }

    public static void main(String[] args) throws Exception {
        ServingModel model = ServingModel.load(Path.of(args[0]));
        Invocation answer = model.invoke(Files.readString(Path.of(args[1])), "application/json");
        Files.writeString(Path.of(args[2]), model.compileReport().summary() + "\n" + answer.body());
    }
}
