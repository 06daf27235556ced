/**
 * CI/CD for ML on the sandbox: the task bodies a bundle's training job runs
 * ({@link dev.mlsandbox.cicd.TrainChallenger} trains, logs and registers a challenger;
 * {@link dev.mlsandbox.cicd.PromotionGate} lets it become {@code @champion} only if it beats the
 * incumbent on held-out rows) and, in {@code lab}, the lab that deploys a bundle to a dev and a
 * prod target and runs its job. The bundle machinery itself (parse, validate, deploy, run) is
 * {@code dev.mlsandbox.bundle}.
 */
package dev.mlsandbox.cicd;
