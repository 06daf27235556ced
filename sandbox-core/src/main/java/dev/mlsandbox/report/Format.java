package dev.mlsandbox.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/** Formats numbers for tables and takeaways: a few significant digits, no locale surprises. */
public final class Format {

    private Format() {
    }

    /** A table cell: numbers get {@link #number(double)}, null becomes empty. */
    public static String cell(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Double d) {
            return number(d);
        }
        if (value instanceof Float f) {
            return number(f);
        }
        return value.toString();
    }

    /** Four significant digits, plain notation for ordinary magnitudes, scientific beyond. */
    public static String number(double value) {
        return number(value, 4);
    }

    public static String number(double value, int significantDigits) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "inf" : "-inf";
        }
        if (value == 0.0) {
            return "0";
        }
        double magnitude = Math.abs(value);
        if (magnitude < 1e-4 || magnitude >= 1e9) {
            return String.format(Locale.ROOT, "%." + (significantDigits - 1) + "e", value);
        }
        BigDecimal rounded = new BigDecimal(value).round(new MathContext(significantDigits));
        return rounded.stripTrailingZeros().toPlainString();
    }

    /** Seconds with a unit, e.g. {@code 1.23 s} or {@code 45 ms}. */
    public static String seconds(double seconds) {
        return seconds < 1.0 ? number(seconds * 1000.0, 3) + " ms" : number(seconds, 3) + " s";
    }

    /** A ratio such as {@code 3.1x}. */
    public static String times(double ratio) {
        return number(ratio, 2) + "x";
    }

    /** A share as a percentage, e.g. {@code 12.5 %}. */
    public static String percent(double share) {
        return number(share * 100.0, 3) + " %";
    }
}
