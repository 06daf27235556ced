package dev.mlsandbox.hello.lab;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.rand;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import dev.mlsandbox.lab.Lab;
import dev.mlsandbox.lab.LabContext;
import dev.mlsandbox.lab.LabDescriptor;
import dev.mlsandbox.lab.MlflowRun;

/** The smallest real lab: Spark draws uniform numbers; the lab counts them per bucket. */
public final class HelloLab implements Lab<HelloLabResult> {

    public static final String NAME = "hello";
    public static final LabDescriptor<HelloLabOptions, HelloLabResult> DESCRIPTOR = LabDescriptor.of(NAME,
                    "Uniform draws from Spark's rand(seed), counted per bucket",
                    HelloLabOptions::defaults, HelloLabOptions::fromParameters, HelloLab::new)
            .withCost("Two Spark jobs over 10,000 rows: under a second.")
            .withRowsParameter("rows");

    private final HelloLabOptions options;

    public HelloLab(HelloLabOptions options) {
        this.options = options;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public HelloLabResult run(LabContext context) {
        return context.logged(NAME, options, run -> run(context, run.mlflowRun().orElse(null)));
    }

    private HelloLabResult run(LabContext context, MlflowRun mlflowRun) {
        LabContext.Clock clock = context.startClock();
        context.progress().begin("hello: draw and count", 2);
        Dataset<Row> draws = context.spark().range(options.rows()).select(rand(options.seed()).as("x")).cache();
        double mean = draws.agg(Map.of("x", "avg")).first().getDouble(0);
        context.progress().advance("mean");
        long[] counts = new long[options.buckets()];
        for (Row r : draws.groupBy(floor(col("x").multiply(options.buckets())).as("b")).count().collectAsList()) {
            counts[(int) r.getLong(0)] = r.getLong(1);
        }
        context.progress().advance("counts");
        context.progress().end();
        draws.unpersist();
        List<Long> perBucket = new ArrayList<>();
        for (long c : counts) {
            perBucket.add(c);
        }
        return new HelloLabResult(options, mean, perBucket, clock.provenance(options, options.rows()), mlflowRun);
    }
}
