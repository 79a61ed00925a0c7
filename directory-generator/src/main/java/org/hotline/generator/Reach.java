package org.hotline.generator;

/** How far an organisation's services reach; the referral rules prefer local over state over national. */
enum Reach {
    /** One county, sometimes a few of the same state. */
    COUNTY(0.65),
    /** A few ZIP codes of one county. */
    POSTAL_CODE(0.15),
    /** A whole state. */
    STATE(0.17),
    /** The whole country. */
    NATIONAL(0.03);

    private final double share;

    Reach(double share) {
        this.share = share;
    }

    /** The intended share of generated organisations with this reach. */
    double share() {
        return share;
    }
}
