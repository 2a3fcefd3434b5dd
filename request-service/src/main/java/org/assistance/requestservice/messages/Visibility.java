package org.assistance.requestservice.messages;

/** Who reads a message of a request's conversation. */
public enum Visibility {
    /** The partner agency of the request and the programme's staff. */
    PARTNER_AND_PROGRAMME,
    /** A note between staff: the partner never reads it, nor anything of it. */
    INTERNAL
}
