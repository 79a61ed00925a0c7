package org.hotline.intake;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.hotline.contracts.events.Location;
import org.hotline.contracts.vocabulary.AgeBand;
import org.hotline.contracts.vocabulary.CallType;
import org.hotline.contracts.vocabulary.CallerType;
import org.hotline.contracts.vocabulary.Channel;
import org.hotline.contracts.vocabulary.ContactKind;
import org.hotline.contracts.vocabulary.Indicator;
import org.hotline.contracts.vocabulary.Need;
import org.hotline.contracts.vocabulary.TraffickingType;
import org.hotline.contracts.vocabulary.Typology;
import org.hotline.contracts.vocabulary.Urgency;

/**
 * A call or a tip as intake received it. The description and the reporter's identity are personal data: this table
 * holds them only sealed (AES-256-GCM, see PersonalDataVault), and they never leave intake in an event.
 */
@Entity
@Table(name = "contact")
public class Contact {

    @Id
    private UUID id;

    @Column(nullable = false, unique = true, columnDefinition = "text")
    private String reference;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, columnDefinition = "text")
    private ContactKind kind;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, columnDefinition = "text")
    private Channel channel;

    @Enumerated(EnumType.STRING)
    @Column(name = "call_type", nullable = false, columnDefinition = "text")
    private CallType callType;

    @Enumerated(EnumType.STRING)
    @Column(name = "caller_type", columnDefinition = "text")
    private CallerType callerType;

    @Enumerated(EnumType.STRING)
    @Column(name = "trafficking_type", columnDefinition = "text")
    private TraffickingType traffickingType;

    /** The Polaris type of the situation, when recorded (V19). */
    @Enumerated(EnumType.STRING)
    @Column(columnDefinition = "text")
    private Typology typology;

    @Column(name = "received_at", nullable = false)
    private Instant receivedAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, columnDefinition = "text")
    private ContactStatus status;

    @Column(name = "requested_urgent", nullable = false)
    private boolean requestedUrgent;

    @Column(name = "follow_up_requested", nullable = false)
    private boolean followUpRequested;

    @Column(name = "consent_to_law_enforcement", nullable = false)
    private boolean consentToLawEnforcement;

    /** Consent to the details going to the (non-law-enforcement) partners the contact is referred to. */
    @Column(name = "consent_to_share_with_partners", nullable = false)
    private boolean consentToShareWithPartners;

    @Column(nullable = false)
    private boolean anonymous;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    private Set<Indicator> indicators;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    private Set<Need> needs;

    @JdbcTypeCode(SqlTypes.JSON)
    private Location location;

    @Column(columnDefinition = "text")
    private String language;

    /** Description or summary and reporter identity, sealed by PersonalDataVault; null once shredded. */
    @Column(name = "personal_data")
    private byte[] personalData;

    /** The age band of the person the contact is about, when recorded; spelled as on the wire. */
    @Column(name = "age_band", columnDefinition = "text")
    @Convert(converter = AgeBandColumn.class)
    private AgeBand ageBand;

    @Column(name = "idempotency_key", unique = true, columnDefinition = "text")
    private String idempotencyKey;

    /** Fingerprint of the body first submitted with {@link #idempotencyKey} (see {@code BodyFingerprint}). */
    @Column(name = "idempotency_body_hash", columnDefinition = "text")
    private String idempotencyBodyHash;

    /** Keyed hash (HMAC-SHA-256, see FollowUpCodes) of an anonymous reporter's follow-up code; never the code. */
    @Column(name = "follow_up_code_mac")
    private byte[] followUpCodeMac;

    /** Id of the key-encryption key the code's hashing key was derived from. */
    @Column(name = "follow_up_code_key", columnDefinition = "text")
    private String followUpCodeKey;

    /** A bcrypt hash from before keyed hashes; checked once more, then replaced by a keyed hash. */
    @Column(name = "follow_up_code_hash", columnDefinition = "text")
    private String legacyFollowUpCodeHash;

    @Column(name = "closed_at")
    private Instant closedAt;

    @Column(name = "purged_at")
    private Instant purgedAt;

    /** The latest routing decision's urgency, learnt from hotline.routing.decided; null until decided. */
    @Enumerated(EnumType.STRING)
    @Column(columnDefinition = "text")
    private Urgency urgency;

    @Column(name = "decided_at")
    private Instant decidedAt;

    /** The follow-up's progress, learnt from hotline.followup.scheduled / .completed; null when there is none. */
    @Enumerated(EnumType.STRING)
    @Column(name = "follow_up", columnDefinition = "text")
    private FollowUpProgress followUp;

    protected Contact() {
    }

    /** A tip from the public, received now. */
    public static Contact tip(String reference, Instant receivedAt, Channel channel, TraffickingType traffickingType,
            Set<Indicator> indicators, Set<Need> needs, Location location, Reporter reporter, String idempotencyKey) {
        Contact c = new Contact();
        c.id = UUID.randomUUID();
        c.reference = reference;
        c.kind = ContactKind.TIP;
        c.callType = CallType.TIP;
        c.channel = channel;
        c.receivedAt = receivedAt;
        c.status = ContactStatus.RECEIVED;
        c.traffickingType = traffickingType;
        c.indicators = Set.copyOf(indicators);
        c.needs = Set.copyOf(needs);
        c.location = location;
        c.anonymous = reporter.anonymous();
        c.callerType = reporter.callerType();
        c.language = reporter.language();
        c.consentToLawEnforcement = reporter.consentToLawEnforcement();
        c.idempotencyKey = idempotencyKey;
        return c;
    }

    /** A call logged by a phone agent; the agent's summary is sealed like a tip's description. */
    public static Contact call(String reference, Instant receivedAt, Channel channel, CallType callType,
            CallerType callerType,
            boolean requestedUrgent, Set<Indicator> indicators, Set<Need> needs, Location location, String language,
            boolean consentToLawEnforcement, boolean followUpRequested) {
        Contact c = new Contact();
        c.id = UUID.randomUUID();
        c.reference = reference;
        c.kind = ContactKind.CALL;
        c.callType = callType;
        c.channel = channel;
        c.receivedAt = receivedAt;
        c.status = ContactStatus.RECEIVED;
        c.callerType = callerType;
        c.requestedUrgent = requestedUrgent;
        c.indicators = Set.copyOf(indicators);
        c.needs = Set.copyOf(needs);
        c.location = location;
        c.language = language;
        c.consentToLawEnforcement = consentToLawEnforcement;
        c.followUpRequested = followUpRequested;
        c.anonymous = true;
        return c;
    }

    /** Who reported a tip, without their identity (that is personal data, sealed apart). */
    public record Reporter(boolean anonymous, CallerType callerType, String language,
            boolean consentToLawEnforcement) {

        public static Reporter anonymousReporter() {
            return new Reporter(true, null, null, false);
        }
    }

    public UUID id() {
        return id;
    }

    public String reference() {
        return reference;
    }

    public ContactKind kind() {
        return kind;
    }

    public Channel channel() {
        return channel;
    }

    public CallType callType() {
        return callType;
    }

    public CallerType callerType() {
        return callerType;
    }

    public TraffickingType traffickingType() {
        return traffickingType;
    }

    public Typology typology() {
        return typology;
    }

    /**
     * Records the Polaris type; a tip given one without a four-word type gets the one it implies, so readers of the
     * four words alone (old consumers) still see sex or labour.
     */
    public void recordTypology(Typology typology) {
        this.typology = typology;
        if (typology != null && (traffickingType == null || traffickingType == TraffickingType.UNKNOWN)
                && kind == ContactKind.TIP) {
            traffickingType = typology.traffickingType();
        }
    }

    public Instant receivedAt() {
        return receivedAt;
    }

    public ContactStatus status() {
        return status;
    }

    public boolean requestedUrgent() {
        return requestedUrgent;
    }

    public boolean followUpRequested() {
        return followUpRequested;
    }

    public boolean consentToLawEnforcement() {
        return consentToLawEnforcement;
    }

    public boolean consentToShareWithPartners() {
        return consentToShareWithPartners;
    }

    /** Records the caller's consent to their details going to the service providers they are referred to. */
    public void recordPartnerConsent(boolean consented) {
        consentToShareWithPartners = consented;
    }

    public boolean anonymous() {
        return anonymous;
    }

    public Set<Indicator> indicators() {
        return indicators;
    }

    public Set<Need> needs() {
        return needs;
    }

    public Location location() {
        return location;
    }

    public String language() {
        return language;
    }

    /** The sealed personal data; open it with PersonalDataVault. */
    public byte[] sealedPersonalData() {
        return personalData == null ? null : personalData.clone();
    }

    public void sealPersonalData(byte[] sealed) {
        this.personalData = sealed.clone();
    }

    public Instant closedAt() {
        return closedAt;
    }

    public Instant purgedAt() {
        return purgedAt;
    }

    /** Staff closed the contact: its retention period starts now. Closing twice keeps the first time. */
    public void close(Instant at) {
        if (status != ContactStatus.CLOSED) {
            status = ContactStatus.CLOSED;
            closedAt = at;
        }
    }

    /** The retention period is over: the sealed data goes (its key is shredded separately). */
    public void markPurged(Instant at) {
        personalData = null;
        purgedAt = at;
    }

    public Urgency urgency() {
        return urgency;
    }

    public Instant decidedAt() {
        return decidedAt;
    }

    public FollowUpProgress followUp() {
        return followUp;
    }

    public String idempotencyKey() {
        return idempotencyKey;
    }

    public void recordAgeBand(AgeBand band) {
        this.ageBand = band;
    }

    public AgeBand ageBand() {
        return ageBand;
    }

    /** Remembers the fingerprint of the body submitted with this contact's idempotency key. */
    public void rememberBody(String fingerprint) {
        this.idempotencyBodyHash = fingerprint;
    }

    /** Whether a retry with the same idempotency key brings the same body (tips stored before fingerprints: yes). */
    public boolean sameBody(String fingerprint) {
        return idempotencyBodyHash == null || idempotencyBodyHash.equals(fingerprint);
    }

    public byte[] followUpCodeMac() {
        return followUpCodeMac == null ? null : followUpCodeMac.clone();
    }

    public String followUpCodeKey() {
        return followUpCodeKey;
    }

    public String legacyFollowUpCodeHash() {
        return legacyFollowUpCodeHash;
    }

    /** Whether an anonymous reporter can come back with a code (a tip from a reporter who stayed anonymous). */
    public boolean hasFollowUpCode() {
        return followUpCodeMac != null || legacyFollowUpCodeHash != null;
    }

    /** Gives the reporter a new follow-up code (or re-hashes theirs); any earlier hash stops working. */
    public void replaceFollowUpCode(FollowUpCodes.Hashed hashed) {
        this.followUpCodeMac = hashed.mac().clone();
        this.followUpCodeKey = hashed.keyId();
        this.legacyFollowUpCodeHash = null;
    }
}
