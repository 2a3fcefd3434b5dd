package org.assistance.reportingservice.feeds;

/** The IATI 2.03 schema check for tests of other packages (IatiSchema is this package's). */
public final class IatiSchemaCheck {
    private IatiSchemaCheck() {}

    /** Throws with the validator's message when the document does not validate (skipped outside CI without the schemas). */
    public static void validate(String xml) throws Exception {
        IatiSchema.validate(xml);
    }
}
