package org.assistance.requestservice.requests;

/** The kind of national authority on whose behalf the agency asks. */
public enum AuthorityKind {
    POLICE,
    PROSECUTION,
    JUDICIARY,
    CUSTOMS,
    FIU,
    MINISTRY,
    OTHER
}
