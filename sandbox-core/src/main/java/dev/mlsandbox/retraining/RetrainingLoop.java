package dev.mlsandbox.retraining;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.spark.sql.SparkSession;

import dev.mlsandbox.drift.DriftEngine;
import dev.mlsandbox.drift.lab.ChurnModel;
import dev.mlsandbox.drift.lab.ChurnStream;
import dev.mlsandbox.lab.Progress;

/**
 * Runs strategies side by side over one stream, window by window, as production jobs would:
 * <ol>
 *   <li>every strategy's {@code @champion} scores the window (quality measured on the true labels);</li>
 *   <li>the labels of window {@code t - labelDelay} land: each strategy's profile table gets that
 *       window's AUC of the model that served it, on the labels as they landed;</li>
 *   <li>a gated strategy whose newest promotion served that window checks it against the champion it
 *       replaced, and rolls back if it lost;</li>
 *   <li>each trigger decides; a firing batch strategy fits the pipeline on the
 *       {@code trainingWindows} labelled windows before the newest one, an online strategy takes the
 *       learner's current weights; the newest labelled window is held out: the gate compares
 *       challenger and champion on it, a blind strategy deploys without looking;</li>
 *   <li>the online learner takes one update on the newest labelled window.</li>
 * </ol>
 * A strategy retrains only once labels of a served window have landed. Batch strategies that fire
 * at the same window train the same model (same data, same estimator), so the loop fits it once
 * and charges each strategy for it; the online learner is shared by the online strategies.
 */
public final class RetrainingLoop {

    /** Windows after a decision over which hindsight compares challenger and champion on the true labels. */
    public static final int HINDSIGHT_WINDOWS = 3;
    /** Differences within this (AUC or log loss) count as the same quality. */
    public static final double HINDSIGHT_TOLERANCE = 0.02;

    private final SparkSession spark;
    private final DriftingStream stream;
    private final LoopSettings settings;
    private final AuditTrail audit;
    private final List<StreamWindow> windows;
    private final BatchTrainer trainer;
    private final TrainedModel initial;
    private final double initialFitSeconds;
    private final Quality baseline;
    private int batchFits;
    private int onlineUpdates;

    /** Generates the stream and fits the first model on its first {@code trainingWindows} windows. */
    public RetrainingLoop(SparkSession spark, DriftingStream stream, LoopSettings settings, AuditTrail audit) {
        if (stream.windows() < settings.trainingWindows() + stream.labelDelay() + 2) {
            throw new IllegalArgumentException("a stream of " + stream.windows() + " windows leaves nothing to serve after "
                    + settings.trainingWindows() + " training windows and a label delay of " + stream.labelDelay());
        }
        this.spark = spark;
        this.stream = stream;
        this.settings = settings;
        this.audit = audit;
        this.windows = new ArrayList<>();
        for (int w = 0; w < stream.windows(); w++) {
            windows.add(stream.window(w));
        }
        this.trainer = new BatchTrainer(spark, settings.maxIter());
        long start = System.nanoTime();
        this.initial = trainer.fit(windows.subList(0, settings.trainingWindows()));
        this.initialFitSeconds = (System.nanoTime() - start) / 1e9;
        ChurnStream.Window reference = stream.referenceSample(stream.rows());
        this.baseline = Quality.of(initial.scorer().score(reference), reference.label());
    }

    /** The first model, trained on the history windows; every strategy starts with it as champion. */
    public TrainedModel initialModel() {
        return initial;
    }

    public double initialFitSeconds() {
        return initialFitSeconds;
    }

    /** The first model's quality on a fresh sample of the reference distribution. */
    public Quality baseline() {
        return baseline;
    }

    public List<StreamWindow> windows() {
        return List.copyOf(windows);
    }

    /** Spark ML fits the last {@link #run} made (batch fits shared by strategies count once), the first model excluded. */
    public int batchFits() {
        return batchFits;
    }

    /** Online updates the last {@link #run} made. */
    public int onlineUpdates() {
        return onlineUpdates;
    }

    /** The first served window. */
    public int firstServed() {
        return settings.trainingWindows();
    }

    /** How many windows {@link #run} walks (one progress step each). */
    public int servedWindows() {
        return stream.windows() - firstServed();
    }

    /** Runs the strategies over the stream; one progress step per served window. */
    public List<StrategyRun> run(List<Strategy> strategies, Progress progress) {
        if (strategies.isEmpty()) {
            throw new IllegalArgumentException("no strategy to run");
        }
        Set<String> names = new LinkedHashSet<>();
        for (Strategy s : strategies) {
            if (!names.add(s.name())) {
                throw new IllegalArgumentException("strategy '" + s.name() + "' is listed twice");
            }
        }
        DriftEngine engine = DriftEngine.builder().threads(1).build();
        List<StreamWindow> history = windows.subList(0, settings.trainingWindows());
        List<State> states = new ArrayList<>();
        for (Strategy s : strategies) {
            long v = audit.start(s, initial, Map.of("retraining.strategy", s.name(), "retraining.trained_on",
                    span(initial), "model_validation_status", "INITIAL"));
            EngineDriftMetrics drift = s.trigger() instanceof Trigger.OnDrift d ? new EngineDriftMetrics(engine, windows::get,
                    history, d.rule().metric() == DriftRule.Metric.KS_STATISTIC) : null;
            states.add(new State(s, initial, v, drift));
        }
        boolean anyOnline = strategies.stream().anyMatch(Strategy::online);
        OnlineLearner learner = anyOnline ? new OnlineLearner(spark, initial, history, settings.onlineStep(),
                settings.onlineIterations()) : null;
        Map<Integer, TrainedModel> fits = new HashMap<>();
        batchFits = 0;
        onlineUpdates = 0;
        Map<String, Double> fitSeconds = new HashMap<>();
        int k = settings.trainingWindows();
        for (int t = firstServed(); t < stream.windows(); t++) {
            StreamWindow now = windows.get(t);
            for (State st : states) {
                Quality q = Quality.of(st.champion.scorer().score(now.observed()), now.truth());
                st.served.add(new ServedWindow(t, st.champion.id(), st.championVersion, q.auc(), q.accuracy(), q.logLoss()));
                st.servedBy.put(t, new Serving(st.champion, st.championVersion));
            }
            int labelled = stream.labelledAt(t);
            if (labelled >= firstServed()) {
                StreamWindow landed = windows.get(labelled);
                for (State st : states) {
                    Serving who = st.servedBy.get(labelled);
                    double auc = ChurnModel.auc(who.model.scorer().score(landed.observed()), landed.observed().label());
                    st.profile.append(new ProfileRow(labelled, "v" + who.version, "roc_auc_score", auc));
                    if (st.strategy.gated()) {
                        checkRollback(st, t, landed);
                    }
                }
                TrainedModel onlineChallenger = null;
                if (learner != null && learner.lastWindow() >= firstServed()) {
                    onlineChallenger = learner.model();
                }
                for (State st : states) {
                    TriggerDecision d = st.strategy.trigger().decide(t, st.drift == null ? w -> List.of() : st.drift,
                            st.profile);
                    if (!d.fire()) {
                        continue;
                    }
                    TrainedModel challenger;
                    if (st.strategy.online()) {
                        if (onlineChallenger == null) {
                            continue;
                        }
                        challenger = onlineChallenger;
                    } else {
                        final int newest = labelled;
                        challenger = fits.computeIfAbsent(newest, n -> {
                            long start = System.nanoTime();
                            TrainedModel m = trainer.fit(windows.subList(n - k, n));
                            batchFits++;
                            fitSeconds.put(m.id(), (System.nanoTime() - start) / 1e9);
                            return m;
                        });
                    }
                    st.fitSeconds += fitSeconds.getOrDefault(challenger.id(), 0.0);
                    // An online update reads one window; a batch fit reads its training windows.
                    st.rowsTrained += (long) (st.strategy.online() ? 1 : k) * stream.rows();
                    attempt(st, t, d.reason(), challenger, landed);
                }
                if (learner != null) {
                    long start = System.nanoTime();
                    learner.update(landed);
                    onlineUpdates++;
                    fitSeconds.put(learner.model().id(), (System.nanoTime() - start) / 1e9);
                }
            }
            progress.advance("window " + t);
        }
        List<StrategyRun> out = new ArrayList<>();
        for (State st : states) {
            out.add(new StrategyRun(st.strategy.name(), st.strategy.kind().id(), st.strategy.trigger().describe(),
                    st.strategy.gated(), st.served, st.attempts, st.rollbacks, st.fitSeconds, st.rowsTrained));
        }
        return out;
    }

    private void attempt(State st, int t, String reason, TrainedModel challenger, StreamWindow landed) {
        Gate gate = settings.gate();
        int[] labels = landed.observed().label();
        Quality qc = Quality.of(challenger.scorer().score(landed.observed()), labels);
        Quality qm = Quality.of(st.champion.scorer().score(landed.observed()), labels);
        Attempt.Decision decision;
        String gateReason;
        if (st.strategy.gated()) {
            Gate.Verdict v = gate.judge(qc, qm);
            decision = v.passed() ? Attempt.Decision.PROMOTED : Attempt.Decision.REFUSED;
            gateReason = v.reason();
        } else {
            decision = Attempt.Decision.DEPLOYED;
            gateReason = "no gate: deployed";
        }
        double[] hindsight = hindsight(challenger, st.champion, t);
        Attempt.Outcome outcome = hindsight[0] < -HINDSIGHT_TOLERANCE || hindsight[1] > HINDSIGHT_TOLERANCE
                ? Attempt.Outcome.WORSE
                : hindsight[0] > HINDSIGHT_TOLERANCE || hindsight[1] < -HINDSIGHT_TOLERANCE ? Attempt.Outcome.BETTER
                : Attempt.Outcome.SAME;
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put("retraining.strategy", st.strategy.name());
        tags.put("retraining.window", Integer.toString(t));
        tags.put("retraining.trigger", reason);
        tags.put("retraining.trained_on", span(challenger));
        tags.put("model_validation_status", !st.strategy.gated() ? "NOT_VALIDATED"
                : decision == Attempt.Decision.PROMOTED ? "PASSED" : "FAILED");
        tags.put("gate.metric", gate.metric().id());
        tags.put("gate.challenger", String.format(Locale.ROOT, "%.4f", qc.get(gate.metric())));
        tags.put("gate.champion", String.format(Locale.ROOT, "%.4f", qm.get(gate.metric())));
        long version = audit.register(st.strategy, challenger, tags);
        st.attempts.add(new Attempt(t, reason, challenger.id(), challenger.firstWindow(), challenger.lastWindow(),
                landed.index(), qc.get(gate.metric()), qm.get(gate.metric()), decision, gateReason, version, outcome,
                hindsight[0], hindsight[2], hindsight[1], hazards(challenger)));
        if (decision.serves()) {
            audit.promote(st.strategy, version);
            st.previous = new Serving(st.champion, st.championVersion);
            st.champion = challenger;
            st.championVersion = version;
            st.pendingCheck = t + 1;
            if (st.drift != null) {
                st.drift.rebase(windows.subList(challenger.firstWindow(), challenger.lastWindow() + 1));
            }
        }
    }

    /** After a promotion, once the first window it served is labelled: roll back if it lost to the previous champion. */
    private void checkRollback(State st, int t, StreamWindow landed) {
        if (st.pendingCheck == null || st.pendingCheck != landed.index() || st.previous == null) {
            return;
        }
        st.pendingCheck = null;
        Quality.Metric metric = settings.gate().metric();
        int[] labels = landed.observed().label();
        double now = Quality.of(st.champion.scorer().score(landed.observed()), labels).get(metric);
        double before = Quality.of(st.previous.model.scorer().score(landed.observed()), labels).get(metric);
        if (metric.improvement(before, now) > settings.rollbackTolerance()) {
            long from = st.championVersion;
            long to = audit.rollback(st.strategy);
            st.rollbacks.add(new Rollback(t, from, to, String.format(Locale.ROOT,
                    "v%d's %s on window %d (its first served window) %.4f vs v%d's %.4f: worse by more than %.4f",
                    from, metric.id(), landed.index(), now, to, before, settings.rollbackTolerance())));
            st.champion = st.previous.model;
            st.championVersion = st.previous.version;
            st.previous = null;
            if (st.drift != null) {
                st.drift.rebase(windows.subList(st.champion.firstWindow(), st.champion.lastWindow() + 1));
            }
        }
    }

    /** Challenger minus champion over the next windows' true labels: {mean AUC, log-loss, accuracy deltas}. */
    private double[] hindsight(TrainedModel challenger, TrainedModel champion, int t) {
        double auc = 0;
        double loss = 0;
        double accuracy = 0;
        int n = 0;
        for (int w = t + 1; w <= Math.min(stream.windows() - 1, t + HINDSIGHT_WINDOWS); w++) {
            StreamWindow sw = windows.get(w);
            Quality c = Quality.of(challenger.scorer().score(sw.observed()), sw.truth());
            Quality m = Quality.of(champion.scorer().score(sw.observed()), sw.truth());
            auc += c.auc() - m.auc();
            loss += c.logLoss() - m.logLoss();
            accuracy += c.accuracy() - m.accuracy();
            n++;
        }
        return n == 0 ? new double[] {0, 0, 0} : new double[] {auc / n, loss / n, accuracy / n};
    }

    /**
     * Hazard events in the windows a model learned from: a batch model's training windows; for the
     * online learner, which has seen everything since the start, its last {@code trainingWindows}
     * updates (older windows have been mostly washed out by the updates since).
     */
    private List<String> hazards(TrainedModel model) {
        Set<String> out = new LinkedHashSet<>();
        int from = model.learner().equals("online")
                ? Math.max(model.firstWindow(), model.lastWindow() - settings.trainingWindows() + 1) : model.firstWindow();
        for (int w = Math.max(0, from); w <= model.lastWindow(); w++) {
            for (StreamEvent e : stream.events()) {
                if (e.hazard() && e.active(w)) {
                    out.add(e.kind() + "@" + w);
                }
            }
        }
        return List.copyOf(out);
    }

    private static String span(TrainedModel m) {
        return "w" + m.firstWindow() + "-w" + m.lastWindow();
    }

    /** A model and its registered version. */
    private record Serving(TrainedModel model, long version) {
    }

    /** One strategy's mutable state during the run. */
    private static final class State {
        final Strategy strategy;
        final EngineDriftMetrics drift;
        final ProfileMetrics profile = new ProfileMetrics();
        final List<ServedWindow> served = new ArrayList<>();
        final List<Attempt> attempts = new ArrayList<>();
        final List<Rollback> rollbacks = new ArrayList<>();
        final Map<Integer, Serving> servedBy = new HashMap<>();
        TrainedModel champion;
        long championVersion;
        Serving previous;
        Integer pendingCheck;
        double fitSeconds;
        long rowsTrained;

        State(Strategy strategy, TrainedModel champion, long version, EngineDriftMetrics drift) {
            this.strategy = strategy;
            this.champion = champion;
            this.championVersion = version;
            this.drift = drift;
        }
    }
}
