package org.assistance.bench;

/**
 * One measured figure, beside the raw reference measured in the same run where there is one.
 * {@code ratio} is figure / reference (or reference / figure for "lower is better" figures,
 * so that a ratio above 1 always means better than the reference).
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

    static Figure against(
            String scenario,
            String metric,
            double value,
            String unit,
            String reference,
            double referenceValue,
            double ratio) {
        return new Figure(scenario, metric, value, unit, reference, referenceValue, ratio, null, null);
    }

    Figure withTarget(String target, boolean met) {
        return new Figure(scenario, metric, value, unit, reference, referenceValue, ratio, target, met);
    }
}
