package org.assistance.chassis.documents;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How large a document may be; the API's other bodies keep their own, far smaller limit. */
@ConfigMapping(prefix = "assistance.documents")
public interface DocumentsConfig {
    /** The largest document accepted, counted while it streams in (Content-Length is not trusted). */
    @WithDefault("20M")
    MemorySize maxBytes();
}
