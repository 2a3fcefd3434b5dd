package org.assistance.reportingservice.feeds;

import java.io.File;
import java.io.IOException;
import java.io.StringReader;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.Assumptions;
import org.xml.sax.SAXException;

/**
 * The official IATI 2.03 activity schema, read from the shared standards folder (it is not ours
 * to copy into the repository): -Diati.schemas, by default ../shared/standards/iati-2.03
 * beside the repository root. A clone without it skips the validations with a note on where to
 * get the schemas; CI (environment CI=true) must have them and fails without.
 */
final class IatiSchema {
    private IatiSchema() {}

    static File folder() {
        String configured = System.getProperty("iati.schemas");
        File folder = configured != null ? new File(configured) : new File("../../shared/standards/iati-2.03");
        File schema = new File(folder, "iati-activities-schema.xsd");
        if (!schema.isFile()) {
            String missing = "The IATI 2.03 schemas are not at " + folder.getAbsolutePath()
                    + " (expected iati-activities-schema.xsd there). Get them from the official IATI repository, "
                    + "version 2.03: git clone -b version-2.03 https://github.com/IATI/IATI-Schemas, then point "
                    + "-Diati.schemas at that folder (or put them in shared/standards/iati-2.03 beside the repository).";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new AssertionError(missing + " CI must validate against them.");
            }
            System.err.println(missing + " Skipped outside CI."); // in the build's output, not only its reports
            Assumptions.abort(missing + " Skipped outside CI.");
        }
        return folder;
    }

    /** Throws with the validator's message when the document does not validate. */
    static void validate(String xml) throws SAXException, IOException {
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        Schema schema = factory.newSchema(new File(folder(), "iati-activities-schema.xsd"));
        schema.newValidator().validate(new StreamSource(new StringReader(xml)));
    }
}
