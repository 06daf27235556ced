package dev.mlsandbox.bundle.resolve;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** "Did you mean" suggestions for a mistyped reference. */
final class Levenshtein {

    private Levenshtein() {
    }

    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    /** Candidates within a third of the word's length (at least 1, at most 3 edits), closest first. */
    static List<String> closest(String word, Collection<String> candidates) {
        int limit = Math.max(1, Math.min(3, word.length() / 3));
        List<String> out = new ArrayList<>();
        for (String c : candidates) {
            if (!c.equals(word) && distance(word, c) <= limit) {
                out.add(c);
            }
        }
        out.sort((x, y) -> distance(word, x) != distance(word, y) ? distance(word, x) - distance(word, y) : x.compareTo(y));
        return out;
    }
}
