package dev.mlsandbox.tracking.search;

import dev.mlsandbox.http.MlflowException;

/** Builds INVALID_PARAMETER_VALUE errors that show where in the input the problem is. */
final class SearchError {
    private SearchError() {}

    static MlflowException at(String input, int pos, String message) {
        String caret = " ".repeat(Math.max(0, pos)) + "^";
        return MlflowException.invalid("Invalid filter at position " + pos + ": " + message + "\n  " + input + "\n  " + caret);
    }
}
