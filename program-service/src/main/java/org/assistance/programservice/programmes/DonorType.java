package org.assistance.programservice.programmes;

/** Organisation types of donors, with their IATI OrganisationType codes. */
public enum DonorType {
    GOVERNMENT("10"),
    OTHER_PUBLIC_SECTOR("15"),
    MULTILATERAL("40"),
    FOUNDATION("60"),
    PRIVATE_SECTOR("70"),
    OTHER("90");

    private final String iatiCode;

    DonorType(String iatiCode) {
        this.iatiCode = iatiCode;
    }

    public String iatiCode() {
        return iatiCode;
    }
}
