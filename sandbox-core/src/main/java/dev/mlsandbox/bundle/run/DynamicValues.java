package dev.mlsandbox.bundle.run;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Jobs service's dynamic value references in task parameters and condition operands:
 * {@code {{job.parameters.<name>}}}, {@code {{job.id}}}, {@code {{job.name}}},
 * {@code {{job.run_id}}}, {@code {{task.name}}}, {@code {{tasks.<key>.values.<name>}}} and
 * {@code {{tasks.<key>.result_state}}}. A reference the sandbox cannot resolve fails the task,
 * naming it.
 */
final class DynamicValues {

    private static final Pattern REF = Pattern.compile("\\{\\{\\s*([A-Za-z0-9_.\\-]+)\\s*}}");

    private DynamicValues() {
    }

    static String substitute(String s, String taskKey, String jobId, String jobName, long runId,
                             Map<String, String> jobParameters, Map<String, TaskRun> done) {
        if (s == null || !s.contains("{{")) {
            return s;
        }
        Matcher m = REF.matcher(s);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String ref = m.group(1);
            String v = value(ref, taskKey, jobId, jobName, runId, jobParameters, done);
            m.appendReplacement(out, Matcher.quoteReplacement(v));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String value(String ref, String taskKey, String jobId, String jobName, long runId,
                                Map<String, String> jobParameters, Map<String, TaskRun> done) {
        String[] p = ref.split("\\.");
        if (ref.startsWith("job.parameters.") && p.length == 3) {
            String v = jobParameters.get(p[2]);
            if (v == null) {
                throw new TaskBodies.CannotRun("{{" + ref + "}}: the job has no parameter '" + p[2] + "'; its parameters are "
                        + jobParameters.keySet());
            }
            return v;
        }
        switch (ref) {
            case "job.id":
                return jobId;
            case "job.name":
                return jobName;
            case "job.run_id":
                return Long.toString(runId);
            case "task.name":
                return taskKey;
            default:
                break;
        }
        if (p[0].equals("tasks") && p.length >= 3) {
            TaskRun t = done.get(p[1]);
            if (t == null) {
                throw new TaskBodies.CannotRun("{{" + ref + "}}: task '" + p[1] + "' has not run before '" + taskKey
                        + "' (a task reads the values of the tasks it depends on)");
            }
            if (p.length == 3 && p[2].equals("result_state")) {
                return t.result().name();
            }
            if (p.length == 4 && p[2].equals("values")) {
                String v = t.values().get(p[3]);
                if (v == null) {
                    throw new TaskBodies.CannotRun("{{" + ref + "}}: task '" + p[1] + "' set no value '" + p[3] + "'"
                            + (t.values().isEmpty() ? "" : "; it set " + t.values().keySet()));
                }
                return v;
            }
        }
        throw new TaskBodies.CannotRun("{{" + ref + "}} is not a dynamic value reference the sandbox knows: use"
                + " job.parameters.<name>, job.id, job.name, job.run_id, task.name, tasks.<key>.values.<name> or"
                + " tasks.<key>.result_state");
    }
}
