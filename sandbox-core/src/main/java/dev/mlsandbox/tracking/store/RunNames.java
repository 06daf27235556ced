package dev.mlsandbox.tracking.store;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/** MLflow-style generated run names ("brave-otter-417") for runs created without one. */
final class RunNames {
    private static final List<String> ADJECTIVES = List.of("bold", "brave", "calm", "clever", "eager", "gentle", "honest",
            "keen", "lucky", "merry", "nimble", "quiet", "rare", "steady", "swift", "tidy", "witty", "zealous");
    private static final List<String> NOUNS = List.of("otter", "lark", "heron", "lynx", "finch", "panda", "seal", "wren",
            "bison", "crane", "gecko", "koala", "moth", "newt", "owl", "puma", "robin", "yak");

    private RunNames() {}

    static String generate() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return ADJECTIVES.get(r.nextInt(ADJECTIVES.size())) + "-" + NOUNS.get(r.nextInt(NOUNS.size())) + "-" + r.nextInt(1000);
    }
}
