package org.assistance.programservice.programmes;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An entry of the programme list: what the caller may read of one programme. */
@Schema(
        name = "ProgrammeListEntry",
        anyOf = {ProgrammeView.class, ProgrammeName.class},
        description = "Staff and donors read a programme with its funds; partners its name only")
public interface ProgrammeListEntry {}
