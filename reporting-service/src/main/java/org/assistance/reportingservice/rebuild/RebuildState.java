package org.assistance.reportingservice.rebuild;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "RebuildState")
public enum RebuildState {
    IDLE,
    RUNNING,
    DONE,
    FAILED
}
