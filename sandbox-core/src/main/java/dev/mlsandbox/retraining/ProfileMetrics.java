package dev.mlsandbox.retraining;

import java.util.ArrayList;
import java.util.List;

/** The profile-metrics rows of one serving history, kept in memory and appended as labels land. */
public final class ProfileMetrics implements ProfileMetricsTable {

    private final List<ProfileRow> rows = new ArrayList<>();

    /** Appends a window's row; windows must arrive in order, as labels land in order. */
    public void append(ProfileRow row) {
        if (!rows.isEmpty() && row.window() <= rows.get(rows.size() - 1).window()) {
            throw new IllegalArgumentException("profile rows must arrive in window order: window " + row.window()
                    + " after window " + rows.get(rows.size() - 1).window());
        }
        rows.add(row);
    }

    @Override
    public List<ProfileRow> rows() {
        return List.copyOf(rows);
    }
}
