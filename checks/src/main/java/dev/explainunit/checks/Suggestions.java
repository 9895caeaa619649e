package dev.explainunit.checks;

import java.util.ArrayList;
import java.util.List;
import org.apiguardian.api.API;

/**
 * "Did you mean" for a mistyped name: the command line's options and commands
 * ({@code unknown option --modle; did you mean --model?}), the engine's {@code explainunit.*} keys,
 * {@code check --threshold}'s names. A name is suggested when it is within a small edit distance (a
 * letter swapped, missing, extra or wrong) or begins with what was typed.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class Suggestions {

    private Suggestions() {
    }

    /**
     * The candidates nearest to {@code typed}, compared without leading dashes: those at the
     * smallest edit distance if it is at most 1 (names of 3 or 4 letters) or 2 (longer names), else
     * those that begin with at least three typed letters; empty if none.
     */
    public static List<String> closest(String typed, Iterable<String> candidates) {
        String bare = strip(typed);
        int limit = bare.length() <= 2 ? 0 : bare.length() <= 4 ? 1 : 2;
        int best = Integer.MAX_VALUE;
        List<String> nearest = new ArrayList<>();
        List<String> extending = new ArrayList<>();
        for (String candidate : candidates) {
            String name = strip(candidate);
            int d = distance(bare, name);
            if (d <= limit && d < best) {
                best = d;
                nearest.clear();
            }
            if (d <= limit && d == best) {
                nearest.add(candidate);
            }
            if (bare.length() >= 3 && name.startsWith(bare) && !name.equals(bare)) {
                extending.add(candidate);
            }
        }
        return nearest.isEmpty() ? extending : nearest;
    }

    private static String strip(String name) {
        int k = 0;
        while (k < name.length() && name.charAt(k) == '-') {
            k++;
        }
        return name.substring(k);
    }

    /**
     * Optimal string alignment distance: the fewest insertions, deletions, substitutions and swaps
     * of two neighbouring letters that turn {@code a} into {@code b}.
     */
    public static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
