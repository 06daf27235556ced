package dev.mlsandbox.bundle.config;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code ${a.b.c}} references of bundle configuration, matched with the CLI's grammar: path
 * segments of letters, digits, dashes and underscores, starting with a letter, with optional
 * {@code [n]} indices ({@code ${var.x}}, {@code ${resources.jobs.train.id}},
 * {@code ${workspace.current_user.short_name}}).
 */
public final class VarRef {

    private static final String SEGMENT = "\\p{L}+([-_]*[\\p{L}\\p{N}]+)*";
    private static final Pattern REF = Pattern.compile("\\$\\{(" + SEGMENT + "(\\." + SEGMENT + "(\\[[0-9]+\\])*)*(\\[[0-9]+\\])*)\\}");

    /** One match: the whole {@code ${...}} text and the path inside. */
    public record Match(String text, String path) {
    }

    private VarRef() {
    }

    public static boolean contains(String s) {
        return s != null && REF.matcher(s).find();
    }

    /** The whole string is one reference (its value may then be of any type). */
    public static boolean isPure(String s) {
        if (s == null) {
            return false;
        }
        Matcher m = REF.matcher(s);
        return m.matches();
    }

    public static List<Match> find(String s) {
        List<Match> out = new ArrayList<>();
        Matcher m = REF.matcher(s);
        while (m.find()) {
            out.add(new Match(m.group(), m.group(1)));
        }
        return out;
    }
}
