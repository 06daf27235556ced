package dev.mlsandbox.bundle.run;

import java.math.BigDecimal;

/**
 * A condition_task's comparison, as the Jobs service evaluates it: {@code EQUAL_TO} and
 * {@code NOT_EQUAL} compare the operands as strings ({@code "12.0" == "12"} is false); the
 * ordering operators compare them as numbers, and a non-numeric operand fails the task.
 */
final class Condition {

    private Condition() {
    }

    static boolean evaluate(String left, String op, String right) {
        String l = left == null ? "" : left;
        String r = right == null ? "" : right;
        if (op == null) {
            throw new TaskBodies.CannotRun("condition_task has no op");
        }
        switch (op) {
            case "EQUAL_TO":
                return l.equals(r);
            case "NOT_EQUAL":
                return !l.equals(r);
            default:
                break;
        }
        int c = number(l, "left").compareTo(number(r, "right"));
        return switch (op) {
            case "GREATER_THAN" -> c > 0;
            case "GREATER_THAN_OR_EQUAL" -> c >= 0;
            case "LESS_THAN" -> c < 0;
            case "LESS_THAN_OR_EQUAL" -> c <= 0;
            default -> throw new TaskBodies.CannotRun("condition_task op '" + op + "' is not one of EQUAL_TO, NOT_EQUAL,"
                    + " GREATER_THAN, GREATER_THAN_OR_EQUAL, LESS_THAN, LESS_THAN_OR_EQUAL");
        };
    }

    private static BigDecimal number(String s, String side) {
        try {
            return new BigDecimal(s.strip());
        } catch (NumberFormatException e) {
            throw new TaskBodies.CannotRun("condition_task compares numbers with this op, and the " + side + " operand '"
                    + s + "' is not a number");
        }
    }
}
