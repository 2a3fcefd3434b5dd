package org.assistance.systemtests;

/**
 * One thing a user of the platform may do now, as the model sees it: its kind (e.g. "dispatch"),
 * the request it is about (null for moves about no request, such as stock received) and how to do it.
 */
record Move(String kind, PlatformModel.Request request, String description, Action action) {

    interface Action {
        void perform() throws Exception;
    }

    // the documented actions of every role
    static final String SUBMIT = "submit";
    static final String AMEND = "amend";
    static final String ANSWER_INFORMATION = "answer information by amending";
    static final String WITHDRAW = "withdraw";
    static final String CONFIRM_RECEIPT = "confirm receipt";
    static final String CONFIRM_COMPLETION = "confirm completion";
    static final String APPROVE_FULLY = "approve fully";
    static final String APPROVE_PARTLY = "approve partly";
    static final String APPROVE_FOUR_EYES = "approve above the four-eyes threshold";
    static final String CONFIRM_SECOND = "confirm as second reviewer";
    static final String REJECT = "reject";
    static final String REQUEST_INFORMATION = "request information";
    static final String RECEIVE_STOCK = "receive stock";
    static final String CLEAR = "clear a held shipment";
    static final String CANCEL_SHIPMENT = "cancel a shipment";
    static final String CANCEL_BACKORDER = "cancel a backorder";
    static final String DISPATCH = "dispatch";
    static final String DELIVER_SHIPMENT = "deliver a shipment";
    static final String DELIVER_ACTIVITY = "deliver an activity";
    static final String CANCEL_ACTIVITY = "cancel an activity";
    static final String ADD_RULE = "add an export rule";
    static final String RETIRE_RULE = "retire an export rule";
    static final String CONTRIBUTE = "record a donor's contribution";
    static final String PLEDGE = "record a donor's pledge";
    // moves the platform must refuse: they change nothing
    static final String REFUSED_DECISION_ON_WITHDRAWN = "refused: second approval of a withdrawn request";
    static final String REFUSED_EARLY_COMPLETION = "refused: completion before delivery";
    static final String REFUSED_BEYOND_FUNDS = "refused: approval beyond the programme's funds";
    static final String REFUSED_DISPATCH = "refused: dispatch stopped by a rule added since";

    @Override
    public String toString() {
        return kind + (request == null ? "" : " #" + request.number) + ": " + description;
    }
}
