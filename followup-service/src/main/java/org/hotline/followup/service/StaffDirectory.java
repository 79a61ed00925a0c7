package org.hotline.followup.service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.hotline.followup.StaffMember;
import org.hotline.followup.repository.StaffMemberRepository;

/**
 * The staff members who work follow-ups, as their tokens name them. A person is recorded when they use the work list
 * or claim one, so a supervisor can assign to them by name. Each instance writes a person again only when their name
 * changed since it last wrote it, not on every request.
 */
@ApplicationScoped
public class StaffDirectory {

    private final StaffMemberRepository staff;
    private final Clock clock;
    private final Map<String, String> recorded = new ConcurrentHashMap<>();

    public StaffDirectory(StaffMemberRepository staff, Clock clock) {
        this.staff = staff;
        this.clock = clock;
    }

    /** Records that {@code subject} goes by {@code displayName} (nothing when the token gave no name). */
    @Transactional
    public void seen(String subject, String displayName) {
        if (displayName == null || displayName.isBlank() || displayName.equals(recorded.get(subject))) {
            return;
        }
        String name = displayName.strip();
        staff.upsert(subject, name.length() > 200 ? name.substring(0, 200) : name, Instant.now(clock));
        recorded.put(subject, displayName);
    }

    @Transactional
    public Optional<String> nameOf(String subject) {
        return staff.findByIdOptional(subject).map(StaffMember::displayName);
    }

    @Transactional
    public List<StaffMember> everyone() {
        return staff.byName();
    }
}
