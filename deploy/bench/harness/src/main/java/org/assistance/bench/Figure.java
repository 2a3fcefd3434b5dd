package org.assistance.bench;

/**
 * One measured figure, beside the raw reference measured in the same run where there is one.
 * {@code ratio} is always ours ÷ reference (so for times and memory, lower is better); a target
 * says what the issue asks of the figure and {@code met} whether this run met it.
 */
record Figure(
        String scenario,
        String metric,
        double value,
        String unit,
        String reference,
        Double referenceValue,
        Double ratio,
        String target,
        Boolean met) {

    static Figure plain(String scenario, String metric, double value, String unit) {
        return new Figure(scenario, metric, value, unit, null, null, null, null, null);
    }

    /** A figure beside its reference; the ratio is ours ÷ reference. */
    static Figure against(
            String scenario, String metric, double value, String unit, String reference, double referenceValue) {
        return new Figure(scenario, metric, value, unit, reference, referenceValue, value / referenceValue, null, null);
    }

    Figure withTarget(String target, boolean met) {
        return new Figure(scenario, metric, value, unit, reference, referenceValue, ratio, target, met);
    }

    /** Target on the ratio: at least {@code least} × the reference. */
    Figure ratioAtLeast(double least) {
        return withTarget("ratio >= " + least, ratio != null && ratio >= least);
    }

    /** Target on the ratio: at most {@code most} × the reference. */
    Figure ratioAtMost(double most) {
        return withTarget("ratio <= " + most, ratio != null && ratio <= most);
    }

    /** Target on the value itself: at most {@code most} (in the figure's unit). */
    Figure atMost(double most) {
        return withTarget("<= " + trim(most) + " " + unit, !Double.isNaN(value) && value <= most);
    }

    private static String trim(double number) {
        return number == Math.rint(number) ? String.valueOf((long) number) : String.valueOf(number);
    }
}
